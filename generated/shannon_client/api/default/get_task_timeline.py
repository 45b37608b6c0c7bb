from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_task_timeline_mode import GetTaskTimelineMode
from ...models.timeline_accepted import TimelineAccepted
from ...models.timeline_response import TimelineResponse
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    id: str,
    *,
    run_id: str | Unset = UNSET,
    mode: GetTaskTimelineMode | Unset = GetTaskTimelineMode.SUMMARY,
    include_payloads: bool | Unset = False,
    persist: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["run_id"] = run_id

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params["include_payloads"] = include_payloads

    params["persist"] = persist

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tasks/{id}/timeline".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TimelineAccepted | TimelineResponse | None:
    if response.status_code == 200:
        response_200 = TimelineResponse.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = TimelineAccepted.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | TimelineAccepted | TimelineResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    run_id: str | Unset = UNSET,
    mode: GetTaskTimelineMode | Unset = GetTaskTimelineMode.SUMMARY,
    include_payloads: bool | Unset = False,
    persist: bool | Unset = False,
) -> Response[ErrorResponse | TimelineAccepted | TimelineResponse]:
    """Build timeline from Temporal history

     Derive a human-readable timeline from Temporal history; optionally persist asynchronously

    Args:
        id (str):
        run_id (str | Unset):
        mode (GetTaskTimelineMode | Unset):  Default: GetTaskTimelineMode.SUMMARY.
        include_payloads (bool | Unset):  Default: False.
        persist (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TimelineAccepted | TimelineResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        run_id=run_id,
        mode=mode,
        include_payloads=include_payloads,
        persist=persist,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    run_id: str | Unset = UNSET,
    mode: GetTaskTimelineMode | Unset = GetTaskTimelineMode.SUMMARY,
    include_payloads: bool | Unset = False,
    persist: bool | Unset = False,
) -> ErrorResponse | TimelineAccepted | TimelineResponse | None:
    """Build timeline from Temporal history

     Derive a human-readable timeline from Temporal history; optionally persist asynchronously

    Args:
        id (str):
        run_id (str | Unset):
        mode (GetTaskTimelineMode | Unset):  Default: GetTaskTimelineMode.SUMMARY.
        include_payloads (bool | Unset):  Default: False.
        persist (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TimelineAccepted | TimelineResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        run_id=run_id,
        mode=mode,
        include_payloads=include_payloads,
        persist=persist,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    run_id: str | Unset = UNSET,
    mode: GetTaskTimelineMode | Unset = GetTaskTimelineMode.SUMMARY,
    include_payloads: bool | Unset = False,
    persist: bool | Unset = False,
) -> Response[ErrorResponse | TimelineAccepted | TimelineResponse]:
    """Build timeline from Temporal history

     Derive a human-readable timeline from Temporal history; optionally persist asynchronously

    Args:
        id (str):
        run_id (str | Unset):
        mode (GetTaskTimelineMode | Unset):  Default: GetTaskTimelineMode.SUMMARY.
        include_payloads (bool | Unset):  Default: False.
        persist (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TimelineAccepted | TimelineResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        run_id=run_id,
        mode=mode,
        include_payloads=include_payloads,
        persist=persist,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    run_id: str | Unset = UNSET,
    mode: GetTaskTimelineMode | Unset = GetTaskTimelineMode.SUMMARY,
    include_payloads: bool | Unset = False,
    persist: bool | Unset = False,
) -> ErrorResponse | TimelineAccepted | TimelineResponse | None:
    """Build timeline from Temporal history

     Derive a human-readable timeline from Temporal history; optionally persist asynchronously

    Args:
        id (str):
        run_id (str | Unset):
        mode (GetTaskTimelineMode | Unset):  Default: GetTaskTimelineMode.SUMMARY.
        include_payloads (bool | Unset):  Default: False.
        persist (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TimelineAccepted | TimelineResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            run_id=run_id,
            mode=mode,
            include_payloads=include_payloads,
            persist=persist,
        )
    ).parsed
