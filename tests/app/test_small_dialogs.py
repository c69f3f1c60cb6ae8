"""At 80x24 (the smallest size promised) every dialog shows its buttons and its labels whole:
the export dialog, taller than the screen there, scrolls to the widget with the focus instead
of cutting its Export and Cancel buttons off."""

from __future__ import annotations

from textual.widgets import Button, Label

from tests.app.conftest import settle


def _inside(inner, outer) -> bool:
    return (
        inner.x >= outer.x
        and inner.y >= outer.y
        and inner.right <= outer.right
        and inner.bottom <= outer.bottom
    )


async def test_export_dialog_buttons_can_be_reached_at_80x24(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen.query_one("#export-dialog")
        for button_id in ("#export-go", "#export-cancel"):
            button = app.screen.query_one(button_id, Button)
            button.focus()
            await settle(pilot)
            assert _inside(button.region, dialog.region), (button_id, button.region, dialog.region)
            assert _inside(button.region, app.screen.region)


async def test_export_dialog_labels_are_not_cut_at_80x24(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        inner = app.screen.query_one("#export-dialog").content_region
        for label in app.screen.query(Label):
            text = str(label.render())
            if text and label.display:
                assert label.region.right <= inner.right, text
                assert len(text) <= label.region.width * label.region.height, text


async def test_ingest_and_filter_placeholders_fit_at_80_100_120(make):
    """The field hints of the ingest and filter dialogs are shown whole at every width (a
    shorter wording on narrow screens), never clipped."""
    from rich.cells import cell_len
    from textual.widgets import Input

    for width in (80, 100, 120):
        app = make()
        async with app.run_test(size=(width, 24)) as pilot:
            for key, field_id in (("i", "#ingest-input"), ("f", "#query-input")):
                await pilot.press(key)
                await settle(pilot)
                field = app.screen.query_one(field_id, Input)
                room = field.content_size.width
                assert field.placeholder and not field.value
                assert cell_len(field.placeholder) < room, (width, field.placeholder, room)
                assert "completes" in field.placeholder, (width, field.placeholder)
                await pilot.press("escape")
                await settle(pilot)


async def test_tab_completes_in_the_ingest_and_filter_fields_and_keeps_the_text(make, tmp_path):
    """Tab (the keymap's Complete) takes the suggestion as → does. It used to move the focus
    off the field, alone in its dialog; a second Tab selected all the field held and the next
    key replaced the path typed so far."""
    from textual.widgets import Input

    (tmp_path / "news-folder").mkdir()
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        await settle(pilot)
        field = app.screen.query_one("#ingest-input", Input)
        await pilot.press(*f"{tmp_path}/news-fo")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert field.has_focus and field.value == f"{tmp_path}/news-folder/"
        await pilot.press("tab", "x")  # nothing to complete: the text stays, the key goes on it
        await settle(pilot)
        assert field.value.startswith(f"{tmp_path}/news-folder/") and field.value.endswith("x")
        await pilot.press("escape", "f", *"source:reu")
        await settle(pilot)
        field = app.screen.query_one("#query-input", Input)
        await pilot.press("tab", "tab", "x")
        await settle(pilot)
        assert field.has_focus and field.value == "source:reutersx", field.value


async def test_the_focus_back_in_the_filter_field_keeps_its_text_for_the_next_key(make):
    """From the saved-filter list, Tab brings the focus back to the field; Input selected all
    it held on focus, and the next key replaced the filter typed so far."""
    from tui.screens.query_dialog import QueryDialog
    from tui.widgets.fields import LineInput

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(QueryDialog("Filter", "tag:x", saved=[("japan", "tag:japan")]))
        await settle(pilot)
        field = app.screen.query_one("#query-input", LineInput)
        await pilot.press("down")  # to the saved filters
        await settle(pilot)
        assert not field.has_focus
        await pilot.press("tab", "y")
        await settle(pilot)
        assert field.has_focus and field.value == "tag:xy", field.value
        await pilot.press("backspace")
        await settle(pilot)
        field.blur()
        await settle(pilot)
        field.focus()  # any other way back still selects all, as Input does
        await settle(pilot)
        assert field.selected_text == "tag:x"
