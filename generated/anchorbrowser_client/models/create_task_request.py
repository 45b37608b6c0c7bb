from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_task_request_language import CreateTaskRequestLanguage
from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="CreateTaskRequest")


@_attrs_define
class CreateTaskRequest:
    """
    Attributes:
        name (str): Task name (letters, numbers, hyphens, and underscores only)
        language (CreateTaskRequestLanguage): Programming language for the task
        code (str | Unset): Base64 encoded task code (optional)
        description (str | Unset): Optional description of the task
        browser_configuration (SessionConfig | Unset): Session-related configurations.
    """

    name: str
    language: CreateTaskRequestLanguage
    code: str | Unset = UNSET
    description: str | Unset = UNSET
    browser_configuration: SessionConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        language = self.language.value

        code = self.code

        description = self.description

        browser_configuration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.browser_configuration, Unset):
            browser_configuration = self.browser_configuration.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "language": language,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if description is not UNSET:
            field_dict["description"] = description
        if browser_configuration is not UNSET:
            field_dict["browserConfiguration"] = browser_configuration

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        language = CreateTaskRequestLanguage(d.pop("language"))

        code = absent_if_null(d.pop("code", UNSET))

        description = absent_if_null(d.pop("description", UNSET))

        _browser_configuration = absent_if_null(d.pop("browserConfiguration", UNSET))
        browser_configuration: SessionConfig | Unset
        if isinstance(_browser_configuration, Unset):
            browser_configuration = UNSET
        else:
            browser_configuration = SessionConfig.from_dict(_browser_configuration)

        create_task_request = cls(
            name=name,
            language=language,
            code=code,
            description=description,
            browser_configuration=browser_configuration,
        )

        create_task_request.additional_properties = d
        return create_task_request

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


from ..models.session_config import SessionConfig
