from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_request_mode import TaskRequestMode
from ..models.task_request_model_tier import TaskRequestModelTier
from ..types import UNSET, Unset, absent_if_null

T = TypeVar("T", bound="TaskRequest")


@_attrs_define
class TaskRequest:
    """
    Attributes:
        query (str): The task query or command
        context (TaskRequestContext | Unset): Additional context for the task (recognized keys: role, model_tier,
            model_override, provider_override, system_prompt, prompt_params, template, template_name (alias),
            template_version, disable_ai, history_window_size, use_case_preset, primers_count, recents_count,
            compression_trigger_ratio, compression_target_ratio) Example: {'compression_target_ratio': 0.375,
            'compression_trigger_ratio': 0.75, 'disable_ai': True, 'history_window_size': 75, 'model_override':
            'gpt-5-2025-08-07', 'model_tier': 'large', 'primers_count': 3, 'prompt_params': {'current_date': '2025-09-01',
            'profile_id': '49598h6e'}, 'recents_count': 20, 'role': 'analysis', 'system_prompt': 'You are a concise
            assistant.', 'template': 'research_summary', 'template_version': '1.0.0'}.
        mode (TaskRequestMode | Unset): Execution mode (advanced): simple|standard|complex|supervisor. Omit to auto-
            detect. Default: TaskRequestMode.SIMPLE.
        model_override (str | Unset): Specific model override (injects into context.model_override, e.g.,
            'gpt-5-2025-08-07', 'gpt-5-pro-2025-10-06')
        model_tier (TaskRequestModelTier | Unset): Preferred model tier (injects into context.model_tier)
        provider_override (str | Unset): Provider override (injects into context.provider_override, e.g., 'openai',
            'anthropic')
        session_id (str | Unset): Session ID for continuity (UUID or custom string)
    """

    query: str
    context: TaskRequestContext | Unset = UNSET
    mode: TaskRequestMode | Unset = TaskRequestMode.SIMPLE
    model_override: str | Unset = UNSET
    model_tier: TaskRequestModelTier | Unset = UNSET
    provider_override: str | Unset = UNSET
    session_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query = self.query

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        model_override = self.model_override

        model_tier: str | Unset = UNSET
        if not isinstance(self.model_tier, Unset):
            model_tier = self.model_tier.value

        provider_override = self.provider_override

        session_id = self.session_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query": query,
            }
        )
        if context is not UNSET:
            field_dict["context"] = context
        if mode is not UNSET:
            field_dict["mode"] = mode
        if model_override is not UNSET:
            field_dict["model_override"] = model_override
        if model_tier is not UNSET:
            field_dict["model_tier"] = model_tier
        if provider_override is not UNSET:
            field_dict["provider_override"] = provider_override
        if session_id is not UNSET:
            field_dict["session_id"] = session_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        query = d.pop("query")

        _context = absent_if_null(d.pop("context", UNSET))
        context: TaskRequestContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = TaskRequestContext.from_dict(_context)

        _mode = absent_if_null(d.pop("mode", UNSET))
        mode: TaskRequestMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = TaskRequestMode(_mode)

        model_override = absent_if_null(d.pop("model_override", UNSET))

        _model_tier = absent_if_null(d.pop("model_tier", UNSET))
        model_tier: TaskRequestModelTier | Unset
        if isinstance(_model_tier, Unset):
            model_tier = UNSET
        else:
            model_tier = TaskRequestModelTier(_model_tier)

        provider_override = absent_if_null(d.pop("provider_override", UNSET))

        session_id = absent_if_null(d.pop("session_id", UNSET))

        task_request = cls(
            query=query,
            context=context,
            mode=mode,
            model_override=model_override,
            model_tier=model_tier,
            provider_override=provider_override,
            session_id=session_id,
        )

        task_request.additional_properties = d
        return task_request

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


from ..models.task_request_context import TaskRequestContext
