"""Renders Mingel's SVG icon (mingel/web/static/mingel/icons/favicon.svg) to the PNG sizes
the web manifest, browsers and iOS want, in the same Chromium the browser tests use.

    .venv/bin/python scripts/render_icons.py

The apple-touch icon is drawn square: iOS rounds the corners itself and would paint
transparent corners black.
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

FOLDER = Path(__file__).resolve().parent.parent / "mingel/web/static/mingel/icons"
SIZES = [
    ("icon-192.png", 192, True),
    ("icon-512.png", 512, True),
    ("favicon-32.png", 32, True),
    ("apple-touch-icon.png", 180, False),
]


def main() -> None:
    svg = (FOLDER / "favicon.svg").read_text()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        for name, size, rounded in SIZES:
            drawn = svg if rounded else svg.replace('rx="14"', 'rx="0"')
            drawn = drawn.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
            page.set_viewport_size({"width": size, "height": size})
            page.set_content(f'<body style="margin:0;background:transparent">{drawn}</body>')
            page.screenshot(
                path=str(FOLDER / name),
                omit_background=True,
                clip={"x": 0, "y": 0, "width": size, "height": size},
            )
        browser.close()


if __name__ == "__main__":
    main()
