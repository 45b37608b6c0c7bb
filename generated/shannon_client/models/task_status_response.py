from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status_response_status import TaskStatusResponseStatus
from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="TaskStatusResponse")


@_attrs_define
class TaskStatusResponse:
    """
    Attributes:
        status (TaskStatusResponseStatus):
        created_at (datetime.datetime | Unset):
        error (str | Unset):
        mode (str | Unset):
        query (str | Unset):
        response (None | TaskStatusResponseResponseType0 | Unset): Parsed JSON result, present only when result parses
            as a JSON object.
        result (str | Unset): Raw LLM response (plain text or JSON string)
        session_id (str | Unset):
        task_id (str | Unset):
        updated_at (datetime.datetime | Unset):
        workflow_id (str | Unset): Temporal workflow id (equals the task id).
        model_used (str | Unset): Primary model used.
        provider (str | Unset): Provider of the primary model.
        usage (TaskUsage | Unset):
        metadata (TaskStatusResponseMetadata | Unset): Task metadata.
        context (TaskStatusResponseContext | Unset): Task context.
        unified_response (TaskStatusResponseUnifiedResponse | Unset): The handler's unified response envelope.
    """

    status: TaskStatusResponseStatus
    created_at: datetime.datetime | Unset = UNSET
    error: str | Unset = UNSET
    mode: str | Unset = UNSET
    query: str | Unset = UNSET
    response: None | TaskStatusResponseResponseType0 | Unset = UNSET
    result: str | Unset = UNSET
    session_id: str | Unset = UNSET
    task_id: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    workflow_id: str | Unset = UNSET
    model_used: str | Unset = UNSET
    provider: str | Unset = UNSET
    usage: TaskUsage | Unset = UNSET
    metadata: TaskStatusResponseMetadata | Unset = UNSET
    context: TaskStatusResponseContext | Unset = UNSET
    unified_response: TaskStatusResponseUnifiedResponse | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        error = self.error

        mode = self.mode

        query = self.query

        response: dict[str, Any] | None | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        elif isinstance(self.response, TaskStatusResponseResponseType0):
            response = self.response.to_dict()
        else:
            response = self.response

        result = self.result

        session_id = self.session_id

        task_id = self.task_id

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        workflow_id = self.workflow_id

        model_used = self.model_used

        provider = self.provider

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        unified_response: dict[str, Any] | Unset = UNSET
        if not isinstance(self.unified_response, Unset):
            unified_response = self.unified_response.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if error is not UNSET:
            field_dict["error"] = error
        if mode is not UNSET:
            field_dict["mode"] = mode
        if query is not UNSET:
            field_dict["query"] = query
        if response is not UNSET:
            field_dict["response"] = response
        if result is not UNSET:
            field_dict["result"] = result
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if model_used is not UNSET:
            field_dict["model_used"] = model_used
        if provider is not UNSET:
            field_dict["provider"] = provider
        if usage is not UNSET:
            field_dict["usage"] = usage
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if context is not UNSET:
            field_dict["context"] = context
        if unified_response is not UNSET:
            field_dict["unified_response"] = unified_response

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = TaskStatusResponseStatus(d.pop("status"))

        _created_at = absent_if_null(d.pop("created_at", UNSET))
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime_or_unset(_created_at)

        if isinstance(created_at, Unset) and not isinstance(_created_at, Unset):
            d["created_at"] = _created_at

        error = absent_if_null(d.pop("error", UNSET))

        mode = absent_if_null(d.pop("mode", UNSET))

        query = absent_if_null(d.pop("query", UNSET))

        def _parse_response(
            data: object,
        ) -> None | TaskStatusResponseResponseType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_0 = TaskStatusResponseResponseType0.from_dict(data)

                return response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskStatusResponseResponseType0 | Unset, data)

        response = _parse_response(d.pop("response", UNSET))

        result = absent_if_null(d.pop("result", UNSET))

        session_id = absent_if_null(d.pop("session_id", UNSET))

        task_id = absent_if_null(d.pop("task_id", UNSET))

        _updated_at = absent_if_null(d.pop("updated_at", UNSET))
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime_or_unset(_updated_at)

        if isinstance(updated_at, Unset) and not isinstance(_updated_at, Unset):
            d["updated_at"] = _updated_at

        workflow_id = absent_if_null(d.pop("workflow_id", UNSET))

        model_used = absent_if_null(d.pop("model_used", UNSET))

        provider = absent_if_null(d.pop("provider", UNSET))

        _usage = absent_if_null(d.pop("usage", UNSET))
        usage: TaskUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = TaskUsage.from_dict(_usage)

        _metadata = absent_if_null(d.pop("metadata", UNSET))
        metadata: TaskStatusResponseMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = TaskStatusResponseMetadata.from_dict(_metadata)

        _context = absent_if_null(d.pop("context", UNSET))
        context: TaskStatusResponseContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = TaskStatusResponseContext.from_dict(_context)

        _unified_response = absent_if_null(d.pop("unified_response", UNSET))
        unified_response: TaskStatusResponseUnifiedResponse | Unset
        if isinstance(_unified_response, Unset):
            unified_response = UNSET
        else:
            unified_response = TaskStatusResponseUnifiedResponse.from_dict(
                _unified_response
            )

        task_status_response = cls(
            status=status,
            created_at=created_at,
            error=error,
            mode=mode,
            query=query,
            response=response,
            result=result,
            session_id=session_id,
            task_id=task_id,
            updated_at=updated_at,
            workflow_id=workflow_id,
            model_used=model_used,
            provider=provider,
            usage=usage,
            metadata=metadata,
            context=context,
            unified_response=unified_response,
        )

        task_status_response.additional_properties = d
        return task_status_response

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


from ..models.task_status_response_context import TaskStatusResponseContext
from ..models.task_status_response_metadata import TaskStatusResponseMetadata
from ..models.task_status_response_response_type_0 import (
    TaskStatusResponseResponseType0,
)
from ..models.task_status_response_unified_response import (
    TaskStatusResponseUnifiedResponse,
)
from ..models.task_usage import TaskUsage
