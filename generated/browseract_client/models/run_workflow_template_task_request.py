from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="RunWorkflowTemplateTaskRequest")


@_attrs_define
class RunWorkflowTemplateTaskRequest:
    """Request body used to start a new task from an official workflow template.

    Attributes:
        workflow_template_id (str): The official workflow template ID to run. Example: tpl_123456789.
        proxy_region (str | Unset): Optional. Proxy region code. Defaults to `US`. Example: US.
        input_parameters (list[InputParamItemDto] | Unset): Input parameters for this run. Example: [{'name': 'url',
            'value': 'https://example.com'}].
        callback_url (str | Unset): Optional. See `RunWorkflowTaskRequest.callback_url`. Example: https://your-
            server.com/webhooks/workflow-callback.
        status_change_callback_url (str | Unset): Optional. See `RunWorkflowTaskRequest.status_change_callback_url`.
            Example: https://your-server.com/webhooks/task-status-change-callback.
    """

    workflow_template_id: str
    proxy_region: str | Unset = UNSET
    input_parameters: list[InputParamItemDto] | Unset = UNSET
    callback_url: str | Unset = UNSET
    status_change_callback_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_template_id = self.workflow_template_id

        proxy_region = self.proxy_region

        input_parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.input_parameters, Unset):
            input_parameters = []
            for input_parameters_item_data in self.input_parameters:
                input_parameters_item = input_parameters_item_data.to_dict()
                input_parameters.append(input_parameters_item)

        callback_url = self.callback_url

        status_change_callback_url = self.status_change_callback_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_template_id": workflow_template_id,
            }
        )
        if proxy_region is not UNSET:
            field_dict["proxyRegion"] = proxy_region
        if input_parameters is not UNSET:
            field_dict["input_parameters"] = input_parameters
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if status_change_callback_url is not UNSET:
            field_dict["status_change_callback_url"] = status_change_callback_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        workflow_template_id = d.pop("workflow_template_id")

        proxy_region = absent_if_null(d.pop("proxyRegion", UNSET))

        _input_parameters = absent_if_null(d.pop("input_parameters", UNSET))
        input_parameters: list[InputParamItemDto] | Unset = UNSET
        if _input_parameters is not UNSET:
            input_parameters = []
            for input_parameters_item_data in _input_parameters:
                input_parameters_item = InputParamItemDto.from_dict(
                    input_parameters_item_data
                )

                input_parameters.append(input_parameters_item)

        callback_url = absent_if_null(d.pop("callback_url", UNSET))

        status_change_callback_url = absent_if_null(
            d.pop("status_change_callback_url", UNSET)
        )

        run_workflow_template_task_request = cls(
            workflow_template_id=workflow_template_id,
            proxy_region=proxy_region,
            input_parameters=input_parameters,
            callback_url=callback_url,
            status_change_callback_url=status_change_callback_url,
        )

        run_workflow_template_task_request.additional_properties = d
        return run_workflow_template_task_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.input_param_item_dto import InputParamItemDto
