from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approval_decision_request import ApprovalDecisionRequest
from ...models.approval_decision_response import ApprovalDecisionResponse
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: ApprovalDecisionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/approvals/decision",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApprovalDecisionResponse | None:
    if response.status_code == 200:
        response_200 = ApprovalDecisionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        return None  # declared without a body
    if response.status_code == 401:
        return None  # declared without a body
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
) -> Response[ApprovalDecisionResponse | None]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApprovalDecisionRequest,
) -> Response[ApprovalDecisionResponse | None]:
    """Submit approval decision

     Submit a human approval decision for a workflow requiring approval. Replaces the admin-only endpoint
    with a gateway-managed, authenticated endpoint.

    Args:
        body (ApprovalDecisionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalDecisionResponse | None]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ApprovalDecisionRequest,
) -> ApprovalDecisionResponse | None:
    """Submit approval decision

     Submit a human approval decision for a workflow requiring approval. Replaces the admin-only endpoint
    with a gateway-managed, authenticated endpoint.

    Args:
        body (ApprovalDecisionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalDecisionResponse | None
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApprovalDecisionRequest,
) -> Response[ApprovalDecisionResponse | None]:
    """Submit approval decision

     Submit a human approval decision for a workflow requiring approval. Replaces the admin-only endpoint
    with a gateway-managed, authenticated endpoint.

    Args:
        body (ApprovalDecisionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalDecisionResponse | None]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ApprovalDecisionRequest,
) -> ApprovalDecisionResponse | None:
    """Submit approval decision

     Submit a human approval decision for a workflow requiring approval. Replaces the admin-only endpoint
    with a gateway-managed, authenticated endpoint.

    Args:
        body (ApprovalDecisionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalDecisionResponse | None
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
