from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.step_status import StepStatus
from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskStepDto")


@_attrs_define
class TaskStepDto:
    """A single step within a task execution.

    Attributes:
        id (str | Unset): Step ID
        step (int | Unset): Step sequence number
        status (StepStatus | Unset): Status of an individual step within a task.
        evaluation_previous_goal (str | Unset): Evaluation result of the previous step
        step_goal (str | Unset): Goal of the current step
        screenshots_url (str | Unset): Screenshot URL captured during this step
    """

    id: str | Unset = UNSET
    step: int | Unset = UNSET
    status: StepStatus | Unset = UNSET
    evaluation_previous_goal: str | Unset = UNSET
    step_goal: str | Unset = UNSET
    screenshots_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        step = self.step

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        evaluation_previous_goal = self.evaluation_previous_goal

        step_goal = self.step_goal

        screenshots_url = self.screenshots_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if step is not UNSET:
            field_dict["step"] = step
        if status is not UNSET:
            field_dict["status"] = status
        if evaluation_previous_goal is not UNSET:
            field_dict["evaluation_previous_goal"] = evaluation_previous_goal
        if step_goal is not UNSET:
            field_dict["step_goal"] = step_goal
        if screenshots_url is not UNSET:
            field_dict["screenshots_url"] = screenshots_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = absent_if_null(d.pop("id", UNSET))

        step = absent_if_null(d.pop("step", UNSET))

        _status = absent_if_null(d.pop("status", UNSET))
        status: StepStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = StepStatus(_status)

        evaluation_previous_goal = absent_if_null(
            d.pop("evaluation_previous_goal", UNSET)
        )

        step_goal = absent_if_null(d.pop("step_goal", UNSET))

        screenshots_url = absent_if_null(d.pop("screenshots_url", UNSET))

        task_step_dto = cls(
            id=id,
            step=step,
            status=status,
            evaluation_previous_goal=evaluation_previous_goal,
            step_goal=step_goal,
            screenshots_url=screenshots_url,
        )

        task_step_dto.additional_properties = d
        return task_step_dto

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
