from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="RunWorkflowTaskRequest")


@_attrs_define
class RunWorkflowTaskRequest:
    """Request body used to start a new task from a workflow.

    Attributes:
        workflow_id (str): The workflow ID to run. Example: wf_123456789.
        input_parameters (list[InputParamItemDto] | Unset): Input parameters for this run. Example: [{'name': 'keyword',
            'value': 'laptops'}].
        save_browser_data (bool | Unset): If `true`, the response will include a `profile_id`. You can reuse that
            `profile_id` in later runs to reuse browser data (e.g., cookies). Example: True.
        profile_id (str | Unset): Reuse browser data from a previous run (e.g., cookies) by providing a `profile_id`.
            Example: profile_abc123.
        open_incognito_mode (bool | Unset): Deprecated. No longer required. Example: False.
        callback_url (str | Unset): Optional. HTTP/HTTPS URL to receive a POST notification when the task **finishes**,
            **fails**, or is **canceled**. Maximum length: 2048 characters. Must be publicly reachable (no private/local
            addresses). Example: https://your-server.com/webhooks/workflow-callback.
        status_change_callback_url (str | Unset): Optional. HTTP/HTTPS URL to receive a POST notification whenever the
            task status changes (e.g., running, paused, finished, canceled, failed). Maximum length: 2048 characters. Must
            be publicly reachable (no private/local addresses). Example: https://your-server.com/webhooks/task-status-
            change-callback.
    """

    workflow_id: str
    input_parameters: list[InputParamItemDto] | Unset = UNSET
    save_browser_data: bool | Unset = UNSET
    profile_id: str | Unset = UNSET
    open_incognito_mode: bool | Unset = UNSET
    callback_url: str | Unset = UNSET
    status_change_callback_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        input_parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.input_parameters, Unset):
            input_parameters = []
            for input_parameters_item_data in self.input_parameters:
                input_parameters_item = input_parameters_item_data.to_dict()
                input_parameters.append(input_parameters_item)

        save_browser_data = self.save_browser_data

        profile_id = self.profile_id

        open_incognito_mode = self.open_incognito_mode

        callback_url = self.callback_url

        status_change_callback_url = self.status_change_callback_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
            }
        )
        if input_parameters is not UNSET:
            field_dict["input_parameters"] = input_parameters
        if save_browser_data is not UNSET:
            field_dict["save_browser_data"] = save_browser_data
        if profile_id is not UNSET:
            field_dict["profile_id"] = profile_id
        if open_incognito_mode is not UNSET:
            field_dict["open_incognito_mode"] = open_incognito_mode
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if status_change_callback_url is not UNSET:
            field_dict["status_change_callback_url"] = status_change_callback_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        workflow_id = d.pop("workflow_id")

        _input_parameters = absent_if_null(d.pop("input_parameters", UNSET))
        input_parameters: list[InputParamItemDto] | Unset = UNSET
        if _input_parameters is not UNSET:
            input_parameters = []
            for input_parameters_item_data in _input_parameters:
                input_parameters_item = InputParamItemDto.from_dict(
                    input_parameters_item_data
                )

                input_parameters.append(input_parameters_item)

        save_browser_data = absent_if_null(d.pop("save_browser_data", UNSET))

        profile_id = absent_if_null(d.pop("profile_id", UNSET))

        open_incognito_mode = absent_if_null(d.pop("open_incognito_mode", UNSET))

        callback_url = absent_if_null(d.pop("callback_url", UNSET))

        status_change_callback_url = absent_if_null(
            d.pop("status_change_callback_url", UNSET)
        )

        run_workflow_task_request = cls(
            workflow_id=workflow_id,
            input_parameters=input_parameters,
            save_browser_data=save_browser_data,
            profile_id=profile_id,
            open_incognito_mode=open_incognito_mode,
            callback_url=callback_url,
            status_change_callback_url=status_change_callback_url,
        )

        run_workflow_task_request.additional_properties = d
        return run_workflow_task_request

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
