from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="PageRespWorkflowTaskSimpleResponse")


@_attrs_define
class PageRespWorkflowTaskSimpleResponse:
    """Paginated response containing tasks and metadata.

    Attributes:
        page (int | Unset): Current page number.
        limit (int | Unset): Number of items per page.
        items (list[WorkflowTaskSimpleResponse] | Unset): Tasks for the current page.
        total_pages (int | Unset): Total number of pages available.
        total_count (int | Unset): Total number of items.
    """

    page: int | Unset = UNSET
    limit: int | Unset = UNSET
    items: list[WorkflowTaskSimpleResponse] | Unset = UNSET
    total_pages: int | Unset = UNSET
    total_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        page = self.page

        limit = self.limit

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        total_pages = self.total_pages

        total_count = self.total_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if page is not UNSET:
            field_dict["page"] = page
        if limit is not UNSET:
            field_dict["limit"] = limit
        if items is not UNSET:
            field_dict["items"] = items
        if total_pages is not UNSET:
            field_dict["total_pages"] = total_pages
        if total_count is not UNSET:
            field_dict["total_count"] = total_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        page = absent_if_null(d.pop("page", UNSET))

        limit = absent_if_null(d.pop("limit", UNSET))

        _items = absent_if_null(d.pop("items", UNSET))
        items: list[WorkflowTaskSimpleResponse] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = WorkflowTaskSimpleResponse.from_dict(items_item_data)

                items.append(items_item)

        total_pages = absent_if_null(d.pop("total_pages", UNSET))

        total_count = absent_if_null(d.pop("total_count", UNSET))

        page_resp_workflow_task_simple_response = cls(
            page=page,
            limit=limit,
            items=items,
            total_pages=total_pages,
            total_count=total_count,
        )

        page_resp_workflow_task_simple_response.additional_properties = d
        return page_resp_workflow_task_simple_response

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


from ..models.workflow_task_simple_response import WorkflowTaskSimpleResponse
