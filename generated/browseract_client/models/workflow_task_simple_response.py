from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.live_url_info import LiveUrlInfo
    from ..models.task_failure_info import TaskFailureInfo
    from ..models.task_output_dto import TaskOutputDto


T = TypeVar("T", bound="WorkflowTaskSimpleResponse")


@_attrs_define
class WorkflowTaskSimpleResponse:
    """A simplified task representation used in list responses.

    Attributes:
        id (str): Task ID
        status (TaskStatus): Current task status.

            - `created`: Task is created but not yet running
            - `running`: Task is currently executing
            - `finished`: Task completed successfully
            - `canceled`: Task was canceled (e.g., via Stop Task)
            - `pausing`: Task is transitioning into paused state
            - `paused`: Task is paused and can be resumed
            - `failed`: Task ended with an error
            - `unknown`: Unknown or unsupported status
        created_at (datetime.datetime): Task creation time
        workflow_id (str): Workflow ID
        output (TaskOutputDto | Unset): Task output produced by the workflow.

            The exact output depends on the workflow. Common patterns:
            - `string`: plain text or JSON string
            - `files`: URLs for output files (if any)
        live_url_info (LiveUrlInfo | Unset): Information for viewing a live task execution.

            Available only when the task status is `running`.
        live_url (str | Unset): Deprecated. Use `live_url_info.live_url` instead.
        profile_id (str | Unset): Browser profile ID for reusing browser data.
        finished_at (datetime.datetime | Unset): Task finish time (if ended)
        task_failure_info (TaskFailureInfo | Unset): Failure details. Present only when the task status is `failed`.
        credit (int | Unset): Credits consumed by this task. Example: 42.
        input_parameters (str | Unset): Workflow input parameters in key=value form. Example:
            keyword=laptops;max_items=50.
    """

    id: str
    status: TaskStatus
    created_at: datetime.datetime
    workflow_id: str
    output: TaskOutputDto | Unset = UNSET
    live_url_info: LiveUrlInfo | Unset = UNSET
    live_url: str | Unset = UNSET
    profile_id: str | Unset = UNSET
    finished_at: datetime.datetime | Unset = UNSET
    task_failure_info: TaskFailureInfo | Unset = UNSET
    credit: int | Unset = UNSET
    input_parameters: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        created_at = self.created_at.isoformat()

        workflow_id = self.workflow_id

        output: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.to_dict()

        live_url_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.live_url_info, Unset):
            live_url_info = self.live_url_info.to_dict()

        live_url = self.live_url

        profile_id = self.profile_id

        finished_at: str | Unset = UNSET
        if not isinstance(self.finished_at, Unset):
            finished_at = self.finished_at.isoformat()

        task_failure_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.task_failure_info, Unset):
            task_failure_info = self.task_failure_info.to_dict()

        credit = self.credit

        input_parameters = self.input_parameters

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "created_at": created_at,
                "workflow_id": workflow_id,
            }
        )
        if output is not UNSET:
            field_dict["output"] = output
        if live_url_info is not UNSET:
            field_dict["live_url_info"] = live_url_info
        if live_url is not UNSET:
            field_dict["live_url"] = live_url
        if profile_id is not UNSET:
            field_dict["profile_id"] = profile_id
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if task_failure_info is not UNSET:
            field_dict["task_failure_info"] = task_failure_info
        if credit is not UNSET:
            field_dict["credit"] = credit
        if input_parameters is not UNSET:
            field_dict["input_parameters"] = input_parameters

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.live_url_info import LiveUrlInfo
        from ..models.task_failure_info import TaskFailureInfo
        from ..models.task_output_dto import TaskOutputDto

        d = dict(src_dict)
        id = d.pop("id")

        status = TaskStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        workflow_id = d.pop("workflow_id")

        _output = d.pop("output", UNSET)
        output: TaskOutputDto | Unset
        if isinstance(_output, Unset):
            output = UNSET
        else:
            output = TaskOutputDto.from_dict(_output)

        _live_url_info = d.pop("live_url_info", UNSET)
        live_url_info: LiveUrlInfo | Unset
        if isinstance(_live_url_info, Unset):
            live_url_info = UNSET
        else:
            live_url_info = LiveUrlInfo.from_dict(_live_url_info)

        live_url = d.pop("live_url", UNSET)

        profile_id = d.pop("profile_id", UNSET)

        _finished_at = d.pop("finished_at", UNSET)
        finished_at: datetime.datetime | Unset
        if isinstance(_finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = datetime.datetime.fromisoformat(_finished_at)

        _task_failure_info = d.pop("task_failure_info", UNSET)
        task_failure_info: TaskFailureInfo | Unset
        if isinstance(_task_failure_info, Unset):
            task_failure_info = UNSET
        else:
            task_failure_info = TaskFailureInfo.from_dict(_task_failure_info)

        credit = d.pop("credit", UNSET)

        input_parameters = d.pop("input_parameters", UNSET)

        workflow_task_simple_response = cls(
            id=id,
            status=status,
            created_at=created_at,
            workflow_id=workflow_id,
            output=output,
            live_url_info=live_url_info,
            live_url=live_url,
            profile_id=profile_id,
            finished_at=finished_at,
            task_failure_info=task_failure_info,
            credit=credit,
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
