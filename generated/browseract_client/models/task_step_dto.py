from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.step_status import StepStatus

T = TypeVar("T", bound="TaskStepDto")


@_attrs_define
class TaskStepDto:
    """A single step within a task execution.

    Attributes:
        id (str): Step ID
        step (int): Step sequence number
        status (StepStatus): Status of an individual step within a task.
        evaluation_previous_goal (str): Evaluation result of the previous step
        step_goal (str): Goal of the current step
        screenshots_url (str): Screenshot URL captured during this step
    """

    id: str
    step: int
    status: StepStatus
    evaluation_previous_goal: str
    step_goal: str
    screenshots_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        step = self.step

        status = self.status.value

        evaluation_previous_goal = self.evaluation_previous_goal

        step_goal = self.step_goal

        screenshots_url = self.screenshots_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "step": step,
                "status": status,
                "evaluation_previous_goal": evaluation_previous_goal,
                "step_goal": step_goal,
                "screenshots_url": screenshots_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        step = d.pop("step")

        status = StepStatus(d.pop("status"))

        evaluation_previous_goal = d.pop("evaluation_previous_goal")

        step_goal = d.pop("step_goal")

        screenshots_url = d.pop("screenshots_url")

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
