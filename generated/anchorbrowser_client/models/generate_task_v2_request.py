from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="GenerateTaskV2Request")


@_attrs_define
class GenerateTaskV2Request:
    """
    Attributes:
        task_name (str): Name of the task
        task_prompt (str): Natural-language description of what the task should do, used for AI generation. Make it as
            detailed as possible with all the logic and steps needed to complete the task.
        async_ (bool | Unset): Whether to generate the task asynchronously Default: True.
        description (str | Unset): Description of the task
        application_id (UUID | Unset): Optional application (connection) ID to associate with the task
        identity_id (str | Unset): Optional identity ID to use during task generation
        input_schema (list[TaskParameterV2] | Unset): Input parameters the task accepts
        output_schema (list[TaskParameterV2] | Unset): Output fields the task produces
        output_file_only (bool | Unset): Whether task runs should return only the bundled session downloads file
            Default: False.
        human_intervention (bool | Unset): Allow human intervention during task execution Default: False.
        browser_session_id (str | Unset): Existing finished browser session id to generate the workflow from
        task_browser_default_configuration (GenerateTaskV2RequestTaskBrowserDefaultConfiguration | Unset): Optional
            default browser/session configuration when running this task
    """

    task_name: str
    task_prompt: str
    async_: bool | Unset = True
    description: str | Unset = UNSET
    application_id: UUID | Unset = UNSET
    identity_id: str | Unset = UNSET
    input_schema: list[TaskParameterV2] | Unset = UNSET
    output_schema: list[TaskParameterV2] | Unset = UNSET
    output_file_only: bool | Unset = False
    human_intervention: bool | Unset = False
    browser_session_id: str | Unset = UNSET
    task_browser_default_configuration: (
        GenerateTaskV2RequestTaskBrowserDefaultConfiguration | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_name = self.task_name

        task_prompt = self.task_prompt

        async_ = self.async_

        description = self.description

        application_id: str | Unset = UNSET
        if not isinstance(self.application_id, Unset):
            application_id = str(self.application_id)

        identity_id = self.identity_id

        input_schema: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.input_schema, Unset):
            input_schema = []
            for input_schema_item_data in self.input_schema:
                input_schema_item = input_schema_item_data.to_dict()
                input_schema.append(input_schema_item)

        output_schema: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.output_schema, Unset):
            output_schema = []
            for output_schema_item_data in self.output_schema:
                output_schema_item = output_schema_item_data.to_dict()
                output_schema.append(output_schema_item)

        output_file_only = self.output_file_only

        human_intervention = self.human_intervention

        browser_session_id = self.browser_session_id

        task_browser_default_configuration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.task_browser_default_configuration, Unset):
            task_browser_default_configuration = (
                self.task_browser_default_configuration.to_dict()
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taskName": task_name,
                "taskPrompt": task_prompt,
            }
        )
        if async_ is not UNSET:
            field_dict["async"] = async_
        if description is not UNSET:
            field_dict["description"] = description
        if application_id is not UNSET:
            field_dict["application_id"] = application_id
        if identity_id is not UNSET:
            field_dict["identity_id"] = identity_id
        if input_schema is not UNSET:
            field_dict["input_schema"] = input_schema
        if output_schema is not UNSET:
            field_dict["output_schema"] = output_schema
        if output_file_only is not UNSET:
            field_dict["output_file_only"] = output_file_only
        if human_intervention is not UNSET:
            field_dict["human_intervention"] = human_intervention
        if browser_session_id is not UNSET:
            field_dict["browser_session_id"] = browser_session_id
        if task_browser_default_configuration is not UNSET:
            field_dict["task_browser_default_configuration"] = (
                task_browser_default_configuration
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        task_name = d.pop("taskName")

        task_prompt = d.pop("taskPrompt")

        async_ = absent_if_null(d.pop("async", UNSET))

        description = absent_if_null(d.pop("description", UNSET))

        _application_id = absent_if_null(d.pop("application_id", UNSET))
        application_id: UUID | Unset
        if isinstance(_application_id, Unset):
            application_id = UNSET
        else:
            application_id = UUID(_application_id)

        identity_id = absent_if_null(d.pop("identity_id", UNSET))

        _input_schema = absent_if_null(d.pop("input_schema", UNSET))
        input_schema: list[TaskParameterV2] | Unset = UNSET
        if _input_schema is not UNSET:
            input_schema = []
            for input_schema_item_data in _input_schema:
                input_schema_item = TaskParameterV2.from_dict(input_schema_item_data)

                input_schema.append(input_schema_item)

        _output_schema = absent_if_null(d.pop("output_schema", UNSET))
        output_schema: list[TaskParameterV2] | Unset = UNSET
        if _output_schema is not UNSET:
            output_schema = []
            for output_schema_item_data in _output_schema:
                output_schema_item = TaskParameterV2.from_dict(output_schema_item_data)

                output_schema.append(output_schema_item)

        output_file_only = absent_if_null(d.pop("output_file_only", UNSET))

        human_intervention = absent_if_null(d.pop("human_intervention", UNSET))

        browser_session_id = absent_if_null(d.pop("browser_session_id", UNSET))

        _task_browser_default_configuration = absent_if_null(
            d.pop("task_browser_default_configuration", UNSET)
        )
        task_browser_default_configuration: (
            GenerateTaskV2RequestTaskBrowserDefaultConfiguration | Unset
        )
        if isinstance(_task_browser_default_configuration, Unset):
            task_browser_default_configuration = UNSET
        else:
            task_browser_default_configuration = (
                GenerateTaskV2RequestTaskBrowserDefaultConfiguration.from_dict(
                    _task_browser_default_configuration
                )
            )

        generate_task_v2_request = cls(
            task_name=task_name,
            task_prompt=task_prompt,
            async_=async_,
            description=description,
            application_id=application_id,
            identity_id=identity_id,
            input_schema=input_schema,
            output_schema=output_schema,
            output_file_only=output_file_only,
            human_intervention=human_intervention,
            browser_session_id=browser_session_id,
            task_browser_default_configuration=task_browser_default_configuration,
        )

        generate_task_v2_request.additional_properties = d
        return generate_task_v2_request

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


from ..models.generate_task_v2_request_task_browser_default_configuration import (
    GenerateTaskV2RequestTaskBrowserDefaultConfiguration,
)
from ..models.task_parameter_v2 import TaskParameterV2
