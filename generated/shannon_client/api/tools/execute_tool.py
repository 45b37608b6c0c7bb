from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.execute_tool_body import ExecuteToolBody
from ...models.execute_tool_response_200 import ExecuteToolResponse200
from ...types import Response, http_status


def _get_kwargs(
    name: str,
    *,
    body: ExecuteToolBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tools/{name}/execute".format(
            name=quote(str(name), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExecuteToolResponse200 | None:
    if response.status_code == 200:
        response_200 = ExecuteToolResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        return None  # declared without a body
    if response.status_code == 404:
        return None  # declared without a body
    if response.status_code == 429:
        return None  # declared without a body
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ExecuteToolResponse200 | None]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteToolBody,
) -> Response[ExecuteToolResponse200 | None]:
    """Execute a tool directly

     Execute a tool without full task orchestration. Dangerous tools are blocked. Usage is recorded
    against quota.

    Args:
        name (str):
        body (ExecuteToolBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExecuteToolResponse200 | None]
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteToolBody,
) -> ExecuteToolResponse200 | None:
    """Execute a tool directly

     Execute a tool without full task orchestration. Dangerous tools are blocked. Usage is recorded
    against quota.

    Args:
        name (str):
        body (ExecuteToolBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExecuteToolResponse200 | None
    """

    return sync_detailed(
        name=name,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteToolBody,
) -> Response[ExecuteToolResponse200 | None]:
    """Execute a tool directly

     Execute a tool without full task orchestration. Dangerous tools are blocked. Usage is recorded
    against quota.

    Args:
        name (str):
        body (ExecuteToolBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExecuteToolResponse200 | None]
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteToolBody,
) -> ExecuteToolResponse200 | None:
    """Execute a tool directly

     Execute a tool without full task orchestration. Dangerous tools are blocked. Usage is recorded
    against quota.

    Args:
        name (str):
        body (ExecuteToolBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExecuteToolResponse200 | None
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            body=body,
        )
    ).parsed
