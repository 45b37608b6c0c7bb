from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="WorkflowTemplateDto")


@_attrs_define
class WorkflowTemplateDto:
    """A lightweight representation of an official workflow template.

    Attributes:
        template_id (str | Unset): Template ID
        name (str | Unset): Template name
        recommend_desc (str | Unset): Short recommended use case description
        detail_url (str | Unset): Public detail URL for the template
    """

    template_id: str | Unset = UNSET
    name: str | Unset = UNSET
    recommend_desc: str | Unset = UNSET
    detail_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        name = self.name

        recommend_desc = self.recommend_desc

        detail_url = self.detail_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if template_id is not UNSET:
            field_dict["templateId"] = template_id
        if name is not UNSET:
            field_dict["name"] = name
        if recommend_desc is not UNSET:
            field_dict["recommendDesc"] = recommend_desc
        if detail_url is not UNSET:
            field_dict["detailUrl"] = detail_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        template_id = absent_if_null(d.pop("templateId", UNSET))

        name = absent_if_null(d.pop("name", UNSET))

        recommend_desc = absent_if_null(d.pop("recommendDesc", UNSET))

        detail_url = absent_if_null(d.pop("detailUrl", UNSET))

        workflow_template_dto = cls(
            template_id=template_id,
            name=name,
            recommend_desc=recommend_desc,
            detail_url=detail_url,
        )

        workflow_template_dto.additional_properties = d
        return workflow_template_dto

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
