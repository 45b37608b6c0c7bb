"""Contains all the data models used in inputs/outputs"""

from .approval_decision_request import ApprovalDecisionRequest
from .approval_decision_response import ApprovalDecisionResponse
from .cancel_task_request import CancelTaskRequest
from .cancel_task_response import CancelTaskResponse
from .control_state_response import ControlStateResponse
from .error_response import ErrorResponse
from .execute_tool_body import ExecuteToolBody
from .execute_tool_body_arguments import ExecuteToolBodyArguments
from .execute_tool_response_200 import ExecuteToolResponse200
from .execute_tool_response_200_metadata import ExecuteToolResponse200Metadata
from .execute_tool_response_200_usage import ExecuteToolResponse200Usage
from .get_task_events_response_200 import GetTaskEventsResponse200
from .get_task_timeline_mode import GetTaskTimelineMode
from .get_tool_response_200 import GetToolResponse200
from .get_tool_response_200_parameters import GetToolResponse200Parameters
from .health_response import HealthResponse
from .health_response_checks import HealthResponseChecks
from .list_sessions_response import ListSessionsResponse
from .list_tasks_response import ListTasksResponse
from .list_tasks_status import ListTasksStatus
from .list_tools_response_200_item import ListToolsResponse200Item
from .list_tools_response_200_item_parameters import ListToolsResponse200ItemParameters
from .session_history_response import SessionHistoryResponse
from .session_response import SessionResponse
from .session_response_context import SessionResponseContext
from .session_summary import SessionSummary
from .session_summary_context import SessionSummaryContext
from .session_turns_response import SessionTurnsResponse
from .task_control_request import TaskControlRequest
from .task_control_response import TaskControlResponse
from .task_event import TaskEvent
from .task_event_payload import TaskEventPayload
from .task_history import TaskHistory
from .task_history_metadata import TaskHistoryMetadata
from .task_history_status import TaskHistoryStatus
from .task_request import TaskRequest
from .task_request_context import TaskRequestContext
from .task_request_mode import TaskRequestMode
from .task_request_model_tier import TaskRequestModelTier
from .task_response import TaskResponse
from .task_status_response import TaskStatusResponse
from .task_status_response_context import TaskStatusResponseContext
from .task_status_response_metadata import TaskStatusResponseMetadata
from .task_status_response_response_type_0 import TaskStatusResponseResponseType0
from .task_status_response_status import TaskStatusResponseStatus
from .task_status_response_unified_response import TaskStatusResponseUnifiedResponse
from .task_stream_response import TaskStreamResponse
from .task_summary import TaskSummary
from .task_summary_total_token_usage import TaskSummaryTotalTokenUsage
from .task_usage import TaskUsage
from .timeline_accepted import TimelineAccepted
from .timeline_event import TimelineEvent
from .timeline_event_payload import TimelineEventPayload
from .timeline_response import TimelineResponse
from .timeline_response_stats import TimelineResponseStats
from .turn import Turn
from .turn_metadata import TurnMetadata
from .turn_metadata_attachments_item import TurnMetadataAttachmentsItem
from .update_session_title_request import UpdateSessionTitleRequest
from .update_session_title_response import UpdateSessionTitleResponse

__all__ = (
    "ApprovalDecisionRequest",
    "ApprovalDecisionResponse",
    "CancelTaskRequest",
    "CancelTaskResponse",
    "ControlStateResponse",
    "ErrorResponse",
    "ExecuteToolBody",
    "ExecuteToolBodyArguments",
    "ExecuteToolResponse200",
    "ExecuteToolResponse200Metadata",
    "ExecuteToolResponse200Usage",
    "GetTaskEventsResponse200",
    "GetTaskTimelineMode",
    "GetToolResponse200",
    "GetToolResponse200Parameters",
    "HealthResponse",
    "HealthResponseChecks",
    "ListSessionsResponse",
    "ListTasksResponse",
    "ListTasksStatus",
    "ListToolsResponse200Item",
    "ListToolsResponse200ItemParameters",
    "SessionHistoryResponse",
    "SessionResponse",
    "SessionResponseContext",
    "SessionSummary",
    "SessionSummaryContext",
    "SessionTurnsResponse",
    "TaskControlRequest",
    "TaskControlResponse",
    "TaskEvent",
    "TaskEventPayload",
    "TaskHistory",
    "TaskHistoryMetadata",
    "TaskHistoryStatus",
    "TaskRequest",
    "TaskRequestContext",
    "TaskRequestMode",
    "TaskRequestModelTier",
    "TaskResponse",
    "TaskStatusResponse",
    "TaskStatusResponseContext",
    "TaskStatusResponseMetadata",
    "TaskStatusResponseResponseType0",
    "TaskStatusResponseStatus",
    "TaskStatusResponseUnifiedResponse",
    "TaskStreamResponse",
    "TaskSummary",
    "TaskSummaryTotalTokenUsage",
    "TaskUsage",
    "TimelineAccepted",
    "TimelineEvent",
    "TimelineEventPayload",
    "TimelineResponse",
    "TimelineResponseStats",
    "Turn",
    "TurnMetadata",
    "TurnMetadataAttachmentsItem",
    "UpdateSessionTitleRequest",
    "UpdateSessionTitleResponse",
)
