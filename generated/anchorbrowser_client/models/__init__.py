"""Contains all the data models used in inputs/outputs"""

from .anchor_proxy import AnchorProxy
from .anchor_proxy_anchor_proxy import AnchorProxyAnchorProxy
from .anchor_proxy_country_code import AnchorProxyCountryCode
from .create_task_request import CreateTaskRequest
from .create_task_request_language import CreateTaskRequestLanguage
from .custom_proxy import CustomProxy
from .custom_proxy_type import CustomProxyType
from .delete_task_response import DeleteTaskResponse
from .delete_task_response_data import DeleteTaskResponseData
from .draft_task_request import DraftTaskRequest
from .draft_task_request_language import DraftTaskRequestLanguage
from .error_response import ErrorResponse
from .error_response_error import ErrorResponseError
from .generate_task_v2_request import GenerateTaskV2Request
from .generate_task_v2_request_task_browser_default_configuration import (
    GenerateTaskV2RequestTaskBrowserDefaultConfiguration,
)
from .generate_task_v2_response import GenerateTaskV2Response
from .generate_task_v2_response_status import GenerateTaskV2ResponseStatus
from .list_task_executions_status import ListTaskExecutionsStatus
from .publish_version_request import PublishVersionRequest
from .publish_version_request_language import PublishVersionRequestLanguage
from .run_task_by_name_request import RunTaskByNameRequest
from .run_task_by_name_request_inputs import RunTaskByNameRequestInputs
from .run_task_request import RunTaskRequest
from .run_task_request_inputs import RunTaskRequestInputs
from .run_task_response import RunTaskResponse
from .run_task_response_data import RunTaskResponseData
from .run_task_v2_request import RunTaskV2Request
from .run_task_v2_request_input_params import RunTaskV2RequestInputParams
from .session_config import SessionConfig
from .session_config_live_view import SessionConfigLiveView
from .session_config_recording import SessionConfigRecording
from .session_config_timeout import SessionConfigTimeout
from .task import Task
from .task_execution_result import TaskExecutionResult
from .task_execution_result_response import TaskExecutionResultResponse
from .task_execution_result_status import TaskExecutionResultStatus
from .task_execution_results_list_response import TaskExecutionResultsListResponse
from .task_execution_results_list_response_data import (
    TaskExecutionResultsListResponseData,
)
from .task_execution_results_list_response_data_pagination import (
    TaskExecutionResultsListResponseDataPagination,
)
from .task_generation_status_v2_response import TaskGenerationStatusV2Response
from .task_generation_status_v2_response_status import (
    TaskGenerationStatusV2ResponseStatus,
)
from .task_language import TaskLanguage
from .task_list_response import TaskListResponse
from .task_list_response_data import TaskListResponseData
from .task_metadata import TaskMetadata
from .task_metadata_response import TaskMetadataResponse
from .task_parameter_v2 import TaskParameterV2
from .task_parameter_v2_type import TaskParameterV2Type
from .task_response import TaskResponse
from .task_run_status_v2_response import TaskRunStatusV2Response
from .task_run_status_v2_response_result_type_0 import (
    TaskRunStatusV2ResponseResultType0,
)
from .task_run_status_v2_response_status import TaskRunStatusV2ResponseStatus
from .task_version import TaskVersion
from .task_version_language import TaskVersionLanguage
from .task_version_response import TaskVersionResponse
from .task_versions_list_response import TaskVersionsListResponse
from .task_versions_list_response_data import TaskVersionsListResponseData
from .task_versions_list_response_data_versions_item import (
    TaskVersionsListResponseDataVersionsItem,
)
from .update_task_metadata_request import UpdateTaskMetadataRequest

__all__ = (
    "AnchorProxy",
    "AnchorProxyAnchorProxy",
    "AnchorProxyCountryCode",
    "CreateTaskRequest",
    "CreateTaskRequestLanguage",
    "CustomProxy",
    "CustomProxyType",
    "DeleteTaskResponse",
    "DeleteTaskResponseData",
    "DraftTaskRequest",
    "DraftTaskRequestLanguage",
    "ErrorResponse",
    "ErrorResponseError",
    "GenerateTaskV2Request",
    "GenerateTaskV2RequestTaskBrowserDefaultConfiguration",
    "GenerateTaskV2Response",
    "GenerateTaskV2ResponseStatus",
    "ListTaskExecutionsStatus",
    "PublishVersionRequest",
    "PublishVersionRequestLanguage",
    "RunTaskByNameRequest",
    "RunTaskByNameRequestInputs",
    "RunTaskRequest",
    "RunTaskRequestInputs",
    "RunTaskResponse",
    "RunTaskResponseData",
    "RunTaskV2Request",
    "RunTaskV2RequestInputParams",
    "SessionConfig",
    "SessionConfigLiveView",
    "SessionConfigRecording",
    "SessionConfigTimeout",
    "Task",
    "TaskExecutionResult",
    "TaskExecutionResultResponse",
    "TaskExecutionResultStatus",
    "TaskExecutionResultsListResponse",
    "TaskExecutionResultsListResponseData",
    "TaskExecutionResultsListResponseDataPagination",
    "TaskGenerationStatusV2Response",
    "TaskGenerationStatusV2ResponseStatus",
    "TaskLanguage",
    "TaskListResponse",
    "TaskListResponseData",
    "TaskMetadata",
    "TaskMetadataResponse",
    "TaskParameterV2",
    "TaskParameterV2Type",
    "TaskResponse",
    "TaskRunStatusV2Response",
    "TaskRunStatusV2ResponseResultType0",
    "TaskRunStatusV2ResponseStatus",
    "TaskVersion",
    "TaskVersionLanguage",
    "TaskVersionResponse",
    "TaskVersionsListResponse",
    "TaskVersionsListResponseData",
    "TaskVersionsListResponseDataVersionsItem",
    "UpdateTaskMetadataRequest",
)
