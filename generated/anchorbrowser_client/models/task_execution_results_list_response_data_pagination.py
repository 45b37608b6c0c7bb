from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskExecutionResultsListResponseDataPagination")


@_attrs_define
class TaskExecutionResultsListResponseDataPagination:
    """
    Attributes:
        page (int | Unset): Current page number
        limit (int | Unset): Number of results per page
        total (int | Unset): Total number of results
        total_pages (int | Unset): Total number of pages
    """

    page: int | Unset = UNSET
    limit: int | Unset = UNSET
    total: int | Unset = UNSET
    total_pages: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        page = self.page

        limit = self.limit

        total = self.total

        total_pages = self.total_pages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if page is not UNSET:
            field_dict["page"] = page
        if limit is not UNSET:
            field_dict["limit"] = limit
        if total is not UNSET:
            field_dict["total"] = total
        if total_pages is not UNSET:
            field_dict["totalPages"] = total_pages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        page = absent_if_null(d.pop("page", UNSET))

        limit = absent_if_null(d.pop("limit", UNSET))

        total = absent_if_null(d.pop("total", UNSET))

        total_pages = absent_if_null(d.pop("totalPages", UNSET))

        task_execution_results_list_response_data_pagination = cls(
            page=page,
            limit=limit,
            total=total,
            total_pages=total_pages,
        )

        task_execution_results_list_response_data_pagination.additional_properties = d
        return task_execution_results_list_response_data_pagination

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
