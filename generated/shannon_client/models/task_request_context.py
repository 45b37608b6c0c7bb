from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TaskRequestContext")


@_attrs_define
class TaskRequestContext:
    """Additional context for the task (recognized keys: role, model_tier, model_override, provider_override,
    system_prompt, prompt_params, template, template_name (alias), template_version, disable_ai, history_window_size,
    use_case_preset, primers_count, recents_count, compression_trigger_ratio, compression_target_ratio)

        Example:
            {'compression_target_ratio': 0.375, 'compression_trigger_ratio': 0.75, 'disable_ai': True,
                'history_window_size': 75, 'model_override': 'gpt-5-2025-08-07', 'model_tier': 'large', 'primers_count': 3,
                'prompt_params': {'current_date': '2025-09-01', 'profile_id': '49598h6e'}, 'recents_count': 20, 'role':
                'analysis', 'system_prompt': 'You are a concise assistant.', 'template': 'research_summary', 'template_version':
                '1.0.0'}

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        task_request_context = cls()

        task_request_context.additional_properties = d
        return task_request_context

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
