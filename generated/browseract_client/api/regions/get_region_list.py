from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.response_data import ResponseData
from ...models.sys_region_simple_view import SysRegionSimpleView
from ...types import Response, http_status


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/workflow/get-region-list",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[SysRegionSimpleView] | ResponseData | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = SysRegionSimpleView.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[list[SysRegionSimpleView] | ResponseData]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[list[SysRegionSimpleView] | ResponseData]:
    """List supported proxy regions

     Returns regions supported by BrowserAct.

    You can pass a region code from this list as `proxyRegion` when running a template task.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[SysRegionSimpleView] | ResponseData]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> list[SysRegionSimpleView] | ResponseData | None:
    """List supported proxy regions

     Returns regions supported by BrowserAct.

    You can pass a region code from this list as `proxyRegion` when running a template task.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[SysRegionSimpleView] | ResponseData
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[list[SysRegionSimpleView] | ResponseData]:
    """List supported proxy regions

     Returns regions supported by BrowserAct.

    You can pass a region code from this list as `proxyRegion` when running a template task.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[SysRegionSimpleView] | ResponseData]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> list[SysRegionSimpleView] | ResponseData | None:
    """List supported proxy regions

     Returns regions supported by BrowserAct.

    You can pass a region code from this list as `proxyRegion` when running a template task.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[SysRegionSimpleView] | ResponseData
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
