from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="WorkflowTaskSimpleResponse")


@_attrs_define
class WorkflowTaskSimpleResponse:
    """A simplified task representation used in list responses.

    Attributes:
        id (str | Unset): Task ID
        output (TaskOutputDto | Unset): Task output produced by the workflow.

            The exact output depends on the workflow. Common patterns:
            - `string`: plain text or JSON string
            - `files`: URLs for output files (if any)
        status (TaskStatus | Unset): Current task status.

            - `created`: Task is created but not yet running
            - `running`: Task is currently executing
            - `finished`: Task completed successfully
            - `canceled`: Task was canceled (e.g., via Stop Task)
            - `pausing`: Task is transitioning into paused state
            - `paused`: Task is paused and can be resumed
            - `failed`: Task ended with an error
            - `unknown`: Unknown or unsupported status
        live_url_info (LiveUrlInfo | Unset): Information for viewing a live task execution.

            Available only when the task status is `running`.
        live_url (str | Unset): Deprecated. Use `live_url_info.live_url` instead.
        profile_id (str | Unset): Browser profile ID for reusing browser data.
        created_at (datetime.datetime | Unset): Task creation time
        finished_at (datetime.datetime | Unset): Task finish time (if ended)
        task_failure_info (TaskFailureInfo | Unset): Failure details. Present only when the task status is `failed`.
        credit (int | Unset): Credits consumed by this task. Example: 42.
        workflow_id (str | Unset): Workflow ID
        input_parameters (str | Unset): Workflow input parameters in key=value form. Example:
            keyword=laptops;max_items=50.
    """

    id: str | Unset = UNSET
    output: TaskOutputDto | Unset = UNSET
    status: TaskStatus | Unset = UNSET
    live_url_info: LiveUrlInfo | Unset = UNSET
    live_url: str | Unset = UNSET
    profile_id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    finished_at: datetime.datetime | Unset = UNSET
    task_failure_info: TaskFailureInfo | Unset = UNSET
    credit: int | Unset = UNSET
    workflow_id: str | Unset = UNSET
    input_parameters: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        output: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.to_dict()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        live_url_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.live_url_info, Unset):
            live_url_info = self.live_url_info.to_dict()

        live_url = self.live_url

        profile_id = self.profile_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        finished_at: str | Unset = UNSET
        if not isinstance(self.finished_at, Unset):
            finished_at = self.finished_at.isoformat()

        task_failure_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.task_failure_info, Unset):
            task_failure_info = self.task_failure_info.to_dict()

        credit = self.credit

        workflow_id = self.workflow_id

        input_parameters = self.input_parameters

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if output is not UNSET:
            field_dict["output"] = output
        if status is not UNSET:
            field_dict["status"] = status
        if live_url_info is not UNSET:
            field_dict["live_url_info"] = live_url_info
        if live_url is not UNSET:
            field_dict["live_url"] = live_url
        if profile_id is not UNSET:
            field_dict["profile_id"] = profile_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if task_failure_info is not UNSET:
            field_dict["task_failure_info"] = task_failure_info
        if credit is not UNSET:
            field_dict["credit"] = credit
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if input_parameters is not UNSET:
            field_dict["input_parameters"] = input_parameters

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = absent_if_null(d.pop("id", UNSET))

        _output = absent_if_null(d.pop("output", UNSET))
        output: TaskOutputDto | Unset
        if isinstance(_output, Unset):
            output = UNSET
        else:
            output = TaskOutputDto.from_dict(_output)

        _status = absent_if_null(d.pop("status", UNSET))
        status: TaskStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskStatus(_status)

        _live_url_info = absent_if_null(d.pop("live_url_info", UNSET))
        live_url_info: LiveUrlInfo | Unset
        if isinstance(_live_url_info, Unset):
            live_url_info = UNSET
        else:
            live_url_info = LiveUrlInfo.from_dict(_live_url_info)

        live_url = absent_if_null(d.pop("live_url", UNSET))

        profile_id = absent_if_null(d.pop("profile_id", UNSET))

        _created_at = absent_if_null(d.pop("created_at", UNSET))
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime_or_unset(_created_at)

        if isinstance(created_at, Unset) and not isinstance(_created_at, Unset):
            d["created_at"] = _created_at

        _finished_at = absent_if_null(d.pop("finished_at", UNSET))
        finished_at: datetime.datetime | Unset
        if isinstance(_finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = datetime_or_unset(_finished_at)

        if isinstance(finished_at, Unset) and not isinstance(_finished_at, Unset):
            d["finished_at"] = _finished_at

        _task_failure_info = absent_if_null(d.pop("task_failure_info", UNSET))
        task_failure_info: TaskFailureInfo | Unset
        if isinstance(_task_failure_info, Unset):
            task_failure_info = UNSET
        else:
            task_failure_info = TaskFailureInfo.from_dict(_task_failure_info)

        credit = absent_if_null(d.pop("credit", UNSET))

        workflow_id = absent_if_null(d.pop("workflow_id", UNSET))

        input_parameters = absent_if_null(d.pop("input_parameters", UNSET))

        workflow_task_simple_response = cls(
            id=id,
            output=output,
            status=status,
            live_url_info=live_url_info,
            live_url=live_url,
            profile_id=profile_id,
            created_at=created_at,
            finished_at=finished_at,
            task_failure_info=task_failure_info,
            credit=credit,
            workflow_id=workflow_id,
            input_parameters=input_parameters,
        )

        workflow_task_simple_response.additional_properties = d
        return workflow_task_simple_response

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


from ..models.live_url_info import LiveUrlInfo
from ..models.task_failure_info import TaskFailureInfo
from ..models.task_output_dto import TaskOutputDto
