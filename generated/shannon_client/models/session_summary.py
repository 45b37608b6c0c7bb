from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, absent_if_null, datetime_or_unset

T = TypeVar("T", bound="SessionSummary")


@_attrs_define
class SessionSummary:
    """
    Attributes:
        average_cost_per_task (float | Unset): Average cost per task (total_cost_usd / task_count)
        budget_remaining (int | Unset): Remaining tokens in the budget (never negative)
        budget_utilization (float | Unset): Fraction of token budget consumed (tokens_used / token_budget)
        context (SessionSummaryContext | Unset): Session context metadata (includes title, external_id, and feature
            flags)
        created_at (datetime.datetime | Unset): Session creation timestamp
        expires_at (datetime.datetime | Unset): Session expiration timestamp
        failed_tasks (int | Unset): Number of failed tasks
        first_task_mode (str | Unset): Mode of the first task in the session (used for research detection)
        is_active (bool | Unset): Whether the session is considered active (recent activity in the last 24 hours)
        is_near_budget_limit (bool | Unset): Whether the session is nearing its token budget (utilization > 90%)
        is_research_session (bool | Unset): Whether this session is inferred to be a research session
        last_activity_at (datetime.datetime | Unset): Timestamp of the latest completed task in this session
        latest_task_query (str | Unset): Query text of the most recent task in this session
        latest_task_status (str | Unset): Status of the most recent task (e.g., COMPLETED, FAILED, RUNNING)
        session_id (UUID | Unset): Unique session identifier
        success_rate (float | Unset): Task success rate in the range 0.0-1.0 (successful_tasks / task_count)
        successful_tasks (int | Unset): Number of successfully completed tasks
        task_count (int | Unset): Number of tasks in this session
        title (str | Unset): Session title (auto-generated or user-defined, max 60 chars)
        token_budget (int | Unset): Token budget for the session
        tokens_used (int | Unset): Total tokens consumed in this session (from DB, optionally enriched by Redis)
        total_cost_usd (float | Unset): Total cost of all tasks in this session, in USD
        updated_at (datetime.datetime | Unset): Session last update timestamp
        user_id (UUID | Unset): User who owns this session
    """

    average_cost_per_task: float | Unset = UNSET
    budget_remaining: int | Unset = UNSET
    budget_utilization: float | Unset = UNSET
    context: SessionSummaryContext | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    failed_tasks: int | Unset = UNSET
    first_task_mode: str | Unset = UNSET
    is_active: bool | Unset = UNSET
    is_near_budget_limit: bool | Unset = UNSET
    is_research_session: bool | Unset = UNSET
    last_activity_at: datetime.datetime | Unset = UNSET
    latest_task_query: str | Unset = UNSET
    latest_task_status: str | Unset = UNSET
    session_id: UUID | Unset = UNSET
    success_rate: float | Unset = UNSET
    successful_tasks: int | Unset = UNSET
    task_count: int | Unset = UNSET
    title: str | Unset = UNSET
    token_budget: int | Unset = UNSET
    tokens_used: int | Unset = UNSET
    total_cost_usd: float | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    user_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        average_cost_per_task = self.average_cost_per_task

        budget_remaining = self.budget_remaining

        budget_utilization = self.budget_utilization

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        failed_tasks = self.failed_tasks

        first_task_mode = self.first_task_mode

        is_active = self.is_active

        is_near_budget_limit = self.is_near_budget_limit

        is_research_session = self.is_research_session

        last_activity_at: str | Unset = UNSET
        if not isinstance(self.last_activity_at, Unset):
            last_activity_at = self.last_activity_at.isoformat()

        latest_task_query = self.latest_task_query

        latest_task_status = self.latest_task_status

        session_id: str | Unset = UNSET
        if not isinstance(self.session_id, Unset):
            session_id = str(self.session_id)

        success_rate = self.success_rate

        successful_tasks = self.successful_tasks

        task_count = self.task_count

        title = self.title

        token_budget = self.token_budget

        tokens_used = self.tokens_used

        total_cost_usd = self.total_cost_usd

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if average_cost_per_task is not UNSET:
            field_dict["average_cost_per_task"] = average_cost_per_task
        if budget_remaining is not UNSET:
            field_dict["budget_remaining"] = budget_remaining
        if budget_utilization is not UNSET:
            field_dict["budget_utilization"] = budget_utilization
        if context is not UNSET:
            field_dict["context"] = context
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if failed_tasks is not UNSET:
            field_dict["failed_tasks"] = failed_tasks
        if first_task_mode is not UNSET:
            field_dict["first_task_mode"] = first_task_mode
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if is_near_budget_limit is not UNSET:
            field_dict["is_near_budget_limit"] = is_near_budget_limit
        if is_research_session is not UNSET:
            field_dict["is_research_session"] = is_research_session
        if last_activity_at is not UNSET:
            field_dict["last_activity_at"] = last_activity_at
        if latest_task_query is not UNSET:
            field_dict["latest_task_query"] = latest_task_query
        if latest_task_status is not UNSET:
            field_dict["latest_task_status"] = latest_task_status
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if success_rate is not UNSET:
            field_dict["success_rate"] = success_rate
        if successful_tasks is not UNSET:
            field_dict["successful_tasks"] = successful_tasks
        if task_count is not UNSET:
            field_dict["task_count"] = task_count
        if title is not UNSET:
            field_dict["title"] = title
        if token_budget is not UNSET:
            field_dict["token_budget"] = token_budget
        if tokens_used is not UNSET:
            field_dict["tokens_used"] = tokens_used
        if total_cost_usd is not UNSET:
            field_dict["total_cost_usd"] = total_cost_usd
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        average_cost_per_task = absent_if_null(d.pop("average_cost_per_task", UNSET))

        budget_remaining = absent_if_null(d.pop("budget_remaining", UNSET))

        budget_utilization = absent_if_null(d.pop("budget_utilization", UNSET))

        _context = absent_if_null(d.pop("context", UNSET))
        context: SessionSummaryContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = SessionSummaryContext.from_dict(_context)

        _created_at = absent_if_null(d.pop("created_at", UNSET))
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime_or_unset(_created_at)

        if isinstance(created_at, Unset) and not isinstance(_created_at, Unset):
            d["created_at"] = _created_at

        _expires_at = absent_if_null(d.pop("expires_at", UNSET))
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime_or_unset(_expires_at)

        if isinstance(expires_at, Unset) and not isinstance(_expires_at, Unset):
            d["expires_at"] = _expires_at

        failed_tasks = absent_if_null(d.pop("failed_tasks", UNSET))

        first_task_mode = absent_if_null(d.pop("first_task_mode", UNSET))

        is_active = absent_if_null(d.pop("is_active", UNSET))

        is_near_budget_limit = absent_if_null(d.pop("is_near_budget_limit", UNSET))

        is_research_session = absent_if_null(d.pop("is_research_session", UNSET))

        _last_activity_at = absent_if_null(d.pop("last_activity_at", UNSET))
        last_activity_at: datetime.datetime | Unset
        if isinstance(_last_activity_at, Unset):
            last_activity_at = UNSET
        else:
            last_activity_at = datetime_or_unset(_last_activity_at)

        if isinstance(last_activity_at, Unset) and not isinstance(
            _last_activity_at, Unset
        ):
            d["last_activity_at"] = _last_activity_at

        latest_task_query = absent_if_null(d.pop("latest_task_query", UNSET))

        latest_task_status = absent_if_null(d.pop("latest_task_status", UNSET))

        _session_id = absent_if_null(d.pop("session_id", UNSET))
        session_id: UUID | Unset
        if isinstance(_session_id, Unset):
            session_id = UNSET
        else:
            session_id = UUID(_session_id)

        success_rate = absent_if_null(d.pop("success_rate", UNSET))

        successful_tasks = absent_if_null(d.pop("successful_tasks", UNSET))

        task_count = absent_if_null(d.pop("task_count", UNSET))

        title = absent_if_null(d.pop("title", UNSET))

        token_budget = absent_if_null(d.pop("token_budget", UNSET))

        tokens_used = absent_if_null(d.pop("tokens_used", UNSET))

        total_cost_usd = absent_if_null(d.pop("total_cost_usd", UNSET))

        _updated_at = absent_if_null(d.pop("updated_at", UNSET))
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime_or_unset(_updated_at)

        if isinstance(updated_at, Unset) and not isinstance(_updated_at, Unset):
            d["updated_at"] = _updated_at

        _user_id = absent_if_null(d.pop("user_id", UNSET))
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        session_summary = cls(
            average_cost_per_task=average_cost_per_task,
            budget_remaining=budget_remaining,
            budget_utilization=budget_utilization,
            context=context,
            created_at=created_at,
            expires_at=expires_at,
            failed_tasks=failed_tasks,
            first_task_mode=first_task_mode,
            is_active=is_active,
            is_near_budget_limit=is_near_budget_limit,
            is_research_session=is_research_session,
            last_activity_at=last_activity_at,
            latest_task_query=latest_task_query,
            latest_task_status=latest_task_status,
            session_id=session_id,
            success_rate=success_rate,
            successful_tasks=successful_tasks,
            task_count=task_count,
            title=title,
            token_budget=token_budget,
            tokens_used=tokens_used,
            total_cost_usd=total_cost_usd,
            updated_at=updated_at,
            user_id=user_id,
        )

        session_summary.additional_properties = d
        return session_summary

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


from ..models.session_summary_context import SessionSummaryContext
