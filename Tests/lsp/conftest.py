"""Starts `.build/debug/spbe lsp` for each test, as a real LSP client does (pytest-lsp, over stdio)."""
import pathlib

import pytest_lsp
from lsprotocol.types import ClientCapabilities, InitializeParams
from pytest_lsp import ClientServerConfig, LanguageClient

CHECKOUT = pathlib.Path(__file__).resolve().parents[2]
SERVER = CHECKOUT / ".build" / "debug" / "spbe"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[str(SERVER), "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        InitializeParams(capabilities=ClientCapabilities(), root_uri=CHECKOUT.as_uri())
    )
    yield
    await lsp_client.shutdown_session()
