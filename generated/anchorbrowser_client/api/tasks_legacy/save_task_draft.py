from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.draft_task_request import DraftTaskRequest
from ...models.error_response import ErrorResponse
from ...models.task_version_response import TaskVersionResponse
from ...types import Response, http_status


def _get_kwargs(
    task_id: UUID,
    *,
    body: DraftTaskRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/task/{task_id}/draft".format(
            task_id=quote(str(task_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TaskVersionResponse | None:
    if response.status_code == 200:
        response_200 = TaskVersionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | TaskVersionResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DraftTaskRequest,
) -> Response[ErrorResponse | TaskVersionResponse]:
    """Create or Update Task Draft (Legacy)

     Creates or updates the draft version of a task. Draft versions are used for development
    and testing before publishing.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        task_id (UUID):
        body (DraftTaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskVersionResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DraftTaskRequest,
) -> ErrorResponse | TaskVersionResponse | None:
    """Create or Update Task Draft (Legacy)

     Creates or updates the draft version of a task. Draft versions are used for development
    and testing before publishing.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        task_id (UUID):
        body (DraftTaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskVersionResponse
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DraftTaskRequest,
) -> Response[ErrorResponse | TaskVersionResponse]:
    """Create or Update Task Draft (Legacy)

     Creates or updates the draft version of a task. Draft versions are used for development
    and testing before publishing.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        task_id (UUID):
        body (DraftTaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskVersionResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DraftTaskRequest,
) -> ErrorResponse | TaskVersionResponse | None:
    """Create or Update Task Draft (Legacy)

     Creates or updates the draft version of a task. Draft versions are used for development
    and testing before publishing.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        task_id (UUID):
        body (DraftTaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskVersionResponse
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
            body=body,
        )
    ).parsed
