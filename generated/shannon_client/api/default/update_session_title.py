from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.update_session_title_request import UpdateSessionTitleRequest
from ...models.update_session_title_response import UpdateSessionTitleResponse
from ...types import Response, http_status


def _get_kwargs(
    session_id: UUID,
    *,
    body: UpdateSessionTitleRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/sessions/{session_id}".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> None | UpdateSessionTitleResponse:
    if response.status_code == 200:
        response_200 = UpdateSessionTitleResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        return None  # declared without a body
    if response.status_code == 401:
        return None  # declared without a body
    if response.status_code == 403:
        return None  # declared without a body
    if response.status_code == 404:
        return None  # declared without a body
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[None | UpdateSessionTitleResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionTitleRequest,
) -> Response[None | UpdateSessionTitleResponse]:
    """Update session title

     Update the title of an existing session (max 60 characters)

    Args:
        session_id (UUID):
        body (UpdateSessionTitleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | UpdateSessionTitleResponse]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionTitleRequest,
) -> None | UpdateSessionTitleResponse:
    """Update session title

     Update the title of an existing session (max 60 characters)

    Args:
        session_id (UUID):
        body (UpdateSessionTitleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | UpdateSessionTitleResponse
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionTitleRequest,
) -> Response[None | UpdateSessionTitleResponse]:
    """Update session title

     Update the title of an existing session (max 60 characters)

    Args:
        session_id (UUID):
        body (UpdateSessionTitleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | UpdateSessionTitleResponse]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionTitleRequest,
) -> None | UpdateSessionTitleResponse:
    """Update session title

     Update the title of an existing session (max 60 characters)

    Args:
        session_id (UUID):
        body (UpdateSessionTitleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | UpdateSessionTitleResponse
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
        )
    ).parsed
