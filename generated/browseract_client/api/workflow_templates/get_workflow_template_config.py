from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_workflow_template_config_dto import ApiWorkflowTemplateConfigDto
from ...models.response_data import ResponseData
from ...types import UNSET, Response, http_status


def _get_kwargs(
    *,
    workflow_template_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["workflow_template_id"] = workflow_template_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/workflow/get-official-workflow-template",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiWorkflowTemplateConfigDto | ResponseData | None:
    if response.status_code == 200:
        response_200 = ApiWorkflowTemplateConfigDto.from_dict(response.json())

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
) -> Response[ApiWorkflowTemplateConfigDto | ResponseData]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    workflow_template_id: str,
) -> Response[ApiWorkflowTemplateConfigDto | ResponseData]:
    """Retrieve an official workflow template

     Fetches the configuration for an official workflow template, including input parameter definitions.

    Args:
        workflow_template_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiWorkflowTemplateConfigDto | ResponseData]
    """

    kwargs = _get_kwargs(
        workflow_template_id=workflow_template_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    workflow_template_id: str,
) -> ApiWorkflowTemplateConfigDto | ResponseData | None:
    """Retrieve an official workflow template

     Fetches the configuration for an official workflow template, including input parameter definitions.

    Args:
        workflow_template_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiWorkflowTemplateConfigDto | ResponseData
    """

    return sync_detailed(
        client=client,
        workflow_template_id=workflow_template_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    workflow_template_id: str,
) -> Response[ApiWorkflowTemplateConfigDto | ResponseData]:
    """Retrieve an official workflow template

     Fetches the configuration for an official workflow template, including input parameter definitions.

    Args:
        workflow_template_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiWorkflowTemplateConfigDto | ResponseData]
    """

    kwargs = _get_kwargs(
        workflow_template_id=workflow_template_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    workflow_template_id: str,
) -> ApiWorkflowTemplateConfigDto | ResponseData | None:
    """Retrieve an official workflow template

     Fetches the configuration for an official workflow template, including input parameter definitions.

    Args:
        workflow_template_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiWorkflowTemplateConfigDto | ResponseData
    """

    return (
        await asyncio_detailed(
            client=client,
            workflow_template_id=workflow_template_id,
        )
    ).parsed
