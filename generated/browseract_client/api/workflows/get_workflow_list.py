from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_resp_api_workflow_dto import PageRespApiWorkflowDto
from ...models.response_data import ResponseData
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/workflow/list-workflows",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageRespApiWorkflowDto | ResponseData | None:
    if response.status_code == 200:
        response_200 = PageRespApiWorkflowDto.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ResponseData.from_dict(response.json())

        return response_400

    if response.status_code == 500:
        response_500 = ResponseData.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageRespApiWorkflowDto | ResponseData]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[PageRespApiWorkflowDto | ResponseData]:
    """List workflows

     Returns a paginated list of workflows in your workspace.

    ### Pagination
    This endpoint uses page-based pagination with `page` and `limit`.

    Args:
        page (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRespApiWorkflowDto | ResponseData]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> PageRespApiWorkflowDto | ResponseData | None:
    """List workflows

     Returns a paginated list of workflows in your workspace.

    ### Pagination
    This endpoint uses page-based pagination with `page` and `limit`.

    Args:
        page (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRespApiWorkflowDto | ResponseData
    """

    return sync_detailed(
        client=client,
        page=page,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[PageRespApiWorkflowDto | ResponseData]:
    """List workflows

     Returns a paginated list of workflows in your workspace.

    ### Pagination
    This endpoint uses page-based pagination with `page` and `limit`.

    Args:
        page (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRespApiWorkflowDto | ResponseData]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> PageRespApiWorkflowDto | ResponseData | None:
    """List workflows

     Returns a paginated list of workflows in your workspace.

    ### Pagination
    This endpoint uses page-based pagination with `page` and `limit`.

    Args:
        page (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRespApiWorkflowDto | ResponseData
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            limit=limit,
        )
    ).parsed
