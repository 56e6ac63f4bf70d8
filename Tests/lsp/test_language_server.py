"""The language server answering a real client: diagnostics, completion, hover and definition on the bundled
SPBE pack, edited in memory only (nothing is written to the checkout)."""
import asyncio
import pathlib

from lsprotocol import types
from pytest_lsp import LanguageClient

CHECKOUT = pathlib.Path(__file__).resolve().parents[2]
RULES = CHECKOUT / "rules" / "spbe-2020" / "rules-aplikasi.yaml"
PACK = CHECKOUT / "rules" / "spbe-2020" / "pack.yaml"


def position_of(text: str, needle: str, offset: int = 0) -> types.Position:
    """The LSP position (0-based line, UTF-16 column) of the first `needle` in `text`, plus `offset`."""
    before = text[: text.index(needle)]
    line_start = before.rfind("\n") + 1
    column = len(before[line_start:].encode("utf-16-le")) // 2
    return types.Position(line=before.count("\n"), character=column + offset)


async def open_document(client: LanguageClient, path: pathlib.Path, text: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    await published(client, uri, lambda diagnostics: True)
    return uri


async def published(client: LanguageClient, uri: str, condition, timeout: float = 60.0):
    """The diagnostics last published for `uri` once they satisfy `condition` (the server publishes every file
    of a pack after each change, so the client's record is polled rather than one notification awaited)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while uri not in client.diagnostics or not condition(client.diagnostics[uri]):
        assert loop.time() < deadline, f"no diagnostics for {uri} satisfying the condition"
        await asyncio.sleep(0.05)
    return client.diagnostics[uri]


def errors(diagnostics):
    return [d for d in diagnostics if d.severity == types.DiagnosticSeverity.Error]


async def test_diagnostics_follow_the_typed_text(client: LanguageClient):
    original = RULES.read_text(encoding="utf-8")
    broken = original.replace("require: present(cost_benefit_ref)", "require: present(cost_benefit_reff)")
    uri = await open_document(client, RULES, broken)
    found = errors(client.diagnostics[uri])
    assert len(found) == 1
    assert "cost_benefit_reff" in found[0].message and "did you mean 'cost_benefit_ref'" in found[0].message
    assert found[0].code == "type.unknown_field"
    assert found[0].range.start == position_of(broken, "cost_benefit_reff")
    assert found[0].source == "spbe"

    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=original)],
        )
    )
    assert errors(await published(client, uri, lambda diagnostics: not errors(diagnostics))) == []


async def test_completion_in_expressions_and_keys(client: LanguageClient):
    text = RULES.read_text(encoding="utf-8") + "\n  - id: X\n    require: passes(\n"
    uri = await open_document(client, RULES, text)

    at = position_of(text, "require: present(cost_benefit_ref)", offset=len("require: "))
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    labels = {item.label for item in result.items}
    assert {"cost_benefit_ref", "present", "days_since", '"khusus"'} <= labels

    last = text.rstrip("\n").split("\n")
    at = types.Position(line=len(last) - 1, character=len(last[-1]))
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    labels = {item.label for item in result.items}
    assert "APP-KHUSUS-ARSITEKTUR" in labels and "present" not in labels


async def test_hover_on_function_indicator_and_field(client: LanguageClient):
    text = RULES.read_text(encoding="utf-8")
    uri = await open_document(client, RULES, text)

    async def hover(needle: str) -> str:
        result = await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, needle, 1))
        )
        return result.contents.value

    assert await hover("present(cost") == "`present(any) -> bool`"
    indicator = await hover("I15")
    assert "**I15**" in indicator and "weight" in indicator and "level 1" in indicator
    assert "applications.cost_benefit_ref" in await hover("cost_benefit_ref")


async def test_definition_of_indicator_rule_and_base_pack(client: LanguageClient):
    text = RULES.read_text(encoding="utf-8") + "\n  - id: X\n    require: passes(APP-KHUSUS-ARSITEKTUR)\n"
    uri = await open_document(client, RULES, text)

    async def definition(document: str, at: types.Position) -> types.Location:
        result = await client.text_document_definition_async(
            types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=document), position=at)
        )
        return result[0] if isinstance(result, list) else result

    target = await definition(uri, position_of(text, "indicator: I15", len("indicator: ") + 1))
    assert target.uri.endswith("spbe-2020/indicators-d2-tata-kelola.yaml")

    target = await definition(uri, position_of(text, "passes(APP-KHUSUS", len("passes(") + 2))
    assert target.uri == uri
    assert target.range.start.line == position_of(text, "- id: APP-KHUSUS-ARSITEKTUR").line

    pack_text = PACK.read_text(encoding="utf-8")
    pack_uri = await open_document(client, PACK, pack_text)
    target = await definition(pack_uri, position_of(pack_text, "../inventory", 5))
    assert target.uri.endswith("rules/inventory/pack.yaml")
