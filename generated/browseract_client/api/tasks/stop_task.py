from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.response_data import ResponseData
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    task_id: str,
    biz_code: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["task_id"] = task_id

    params["biz_code"] = biz_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v2/workflow/stop-task",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> None | ResponseData:
    if response.status_code == 200:
        return None  # declared without a body
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
) -> Response[None | ResponseData]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
    biz_code: int | Unset = UNSET,
) -> Response[None | ResponseData]:
    """Cancel a running task

     Cancels a running task immediately.

    - Use this when you no longer need the result.
    - A canceled task **cannot** be resumed.

    **Tip:** If you only need to check progress, prefer `GET /v2/workflow/get-task-status`.

    Args:
        task_id (str):
        biz_code (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | ResponseData]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        biz_code=biz_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
    biz_code: int | Unset = UNSET,
) -> None | ResponseData:
    """Cancel a running task

     Cancels a running task immediately.

    - Use this when you no longer need the result.
    - A canceled task **cannot** be resumed.

    **Tip:** If you only need to check progress, prefer `GET /v2/workflow/get-task-status`.

    Args:
        task_id (str):
        biz_code (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | ResponseData
    """

    return sync_detailed(
        client=client,
        task_id=task_id,
        biz_code=biz_code,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
    biz_code: int | Unset = UNSET,
) -> Response[None | ResponseData]:
    """Cancel a running task

     Cancels a running task immediately.

    - Use this when you no longer need the result.
    - A canceled task **cannot** be resumed.

    **Tip:** If you only need to check progress, prefer `GET /v2/workflow/get-task-status`.

    Args:
        task_id (str):
        biz_code (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | ResponseData]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        biz_code=biz_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
    biz_code: int | Unset = UNSET,
) -> None | ResponseData:
    """Cancel a running task

     Cancels a running task immediately.

    - Use this when you no longer need the result.
    - A canceled task **cannot** be resumed.

    **Tip:** If you only need to check progress, prefer `GET /v2/workflow/get-task-status`.

    Args:
        task_id (str):
        biz_code (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | ResponseData
    """

    return (
        await asyncio_detailed(
            client=client,
            task_id=task_id,
            biz_code=biz_code,
        )
    ).parsed
