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
