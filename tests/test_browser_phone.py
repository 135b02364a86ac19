"""A reader on a phone (390 CSS pixels wide, touch) gets from the home page to an agenda item in two taps."""

import pytest

from helpers import static_server

pytestmark = pytest.mark.browser

MEETING = "improving-lives-select-commission/2020-07-28/"


def test_item_5_of_a_meeting_is_two_taps_from_the_home_page(demo_build, browser):
    _root, result = demo_build
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        with static_server(result.output) as host:
            page.goto(f"{host}/")
            meeting_link = page.locator(f'main a[href="/{MEETING}"]').first
            meeting_link.scroll_into_view_if_needed()
            meeting_link.tap()  # tap 1: the meeting, from "Recent meetings"
            page.wait_for_url(f"{host}/{MEETING}")
            item_link = page.locator('.item-list a[href="#item-5"]')
            item_link.scroll_into_view_if_needed()
            item_link.tap()  # tap 2: item 5, from the list the page opens with
            page.wait_for_url(f"{host}/{MEETING}#item-5")
            heading = page.locator("#item-5")
            assert "Questions from Members of the Public" in heading.inner_text()
            box = heading.bounding_box()
            # Scrolled to its top: lines of 1.55em set it at a fraction of a pixel, which the scroll rounds.
            assert box and -1 < box["y"] < 844, f"item 5 is not on screen after the second tap: {box}"
            width = page.evaluate("document.scrollingElement.scrollWidth")
            assert width <= 391, f"the meeting page scrolls sideways on a phone: {width}px"
    finally:
        context.close()
