"""Starts `.build/debug/spbe lsp` for each test, as a real LSP client does (pytest-lsp, over stdio)."""
import os
import pathlib

import pytest_lsp
from lsprotocol.types import ClientCapabilities, InitializeParams
from pytest_lsp import ClientServerConfig, LanguageClient

CHECKOUT = pathlib.Path(__file__).resolve().parents[2]
# SPBE_LSP_SERVER runs the tests against another build or a wrapper that logs the conversation.
SERVER = os.environ.get("SPBE_LSP_SERVER", str(CHECKOUT / ".build" / "debug" / "spbe"))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[SERVER, "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        InitializeParams(capabilities=ClientCapabilities(), root_uri=CHECKOUT.as_uri())
    )
    yield
    await lsp_client.shutdown_session()
