from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskExecutionResultsListResponseData")


@_attrs_define
class TaskExecutionResultsListResponseData:
    """
    Attributes:
        results (list[TaskExecutionResult] | Unset):
        pagination (TaskExecutionResultsListResponseDataPagination | Unset):
    """

    results: list[TaskExecutionResult] | Unset = UNSET
    pagination: TaskExecutionResultsListResponseDataPagination | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if results is not UNSET:
            field_dict["results"] = results
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _results = absent_if_null(d.pop("results", UNSET))
        results: list[TaskExecutionResult] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = TaskExecutionResult.from_dict(results_item_data)

                results.append(results_item)

        _pagination = absent_if_null(d.pop("pagination", UNSET))
        pagination: TaskExecutionResultsListResponseDataPagination | Unset
        if isinstance(_pagination, Unset):
            pagination = UNSET
        else:
            pagination = TaskExecutionResultsListResponseDataPagination.from_dict(
                _pagination
            )

        task_execution_results_list_response_data = cls(
            results=results,
            pagination=pagination,
        )

        task_execution_results_list_response_data.additional_properties = d
        return task_execution_results_list_response_data

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


from ..models.task_execution_result import TaskExecutionResult
from ..models.task_execution_results_list_response_data_pagination import (
    TaskExecutionResultsListResponseDataPagination,
)
