"""Accessibility checks in the browser tests with axe-core (vendored in tests/e2e/vendor/,
never fetched from a CDN).

    from tests.e2e.axe import assert_no_axe_violations
    assert_no_axe_violations(page)

injects axe into the page as it is now, runs the WCAG 2.x A and AA rules and best
practices, and fails listing each violation: the rule, its impact, the help text and the
elements involved.
"""

from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Violations known and let through, in ONE place: rule id -> the start of the HTML of the
# only elements it is let through on, so the same rule elsewhere still fails. Empty: the
# flash-message list that was the last one is a <div role="status"> around a plain <ul> now.
KNOWN_VIOLATIONS: dict[str, tuple[str, ...]] = {}


def axe_violations(page, *, tags=TAGS) -> list[dict]:
    """The page's axe violations (rule id, impact, help, nodes), known ones included."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which Mingel's Content-Security-Policy
        # does not apply to; an inline <script> tag would be blocked by it.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                               resultTypes: ["violations"]});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(" "),
                                          html: n.html.slice(0, 200),
                                          summary: n.failureSummary || ""})),
            }));
        }""",
        tags,
    )
    return result


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html']}")
            if node["summary"]:
                lines.append("      " + node["summary"].replace("\n", "\n      "))
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def unknown(violations: list[dict], known: dict[str, tuple[str, ...]]) -> list[dict]:
    """The violations left once the known elements of each known rule are taken out."""
    left = []
    for v in violations:
        prefixes = known.get(v["id"], ())
        nodes = [n for n in v["nodes"] if not n["html"].startswith(prefixes)]
        if nodes:
            left.append({**v, "nodes": nodes})
    return left


def assert_no_axe_violations(page, *, known: dict[str, tuple[str, ...]] | None = None) -> None:
    """Fails when axe finds any violation on the page that is not a known one
    (KNOWN_VIOLATIONS, or `known` when given), listing them all."""
    known = KNOWN_VIOLATIONS if known is None else known
    found = unknown(axe_violations(page), known)
    if found:
        raise AssertionError(
            f"axe found {len(found)} accessibility violation(s) on {page.url}:\n" + describe(found)
        )
