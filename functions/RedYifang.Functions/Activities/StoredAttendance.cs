using Azure;

namespace RedYifang.Functions.Activities;

/// <summary>An attendance record as read, with the ETag its next write is conditional on.</summary>
public sealed record StoredAttendance(Attendance Attendance, ETag ETag);
