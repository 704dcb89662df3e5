using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// Table <c>MediaChecks</c>: one partition per media_check_async request (PartitionKey WeChat's <c>trace_id</c>, RowKey
/// <c>check</c>) holding what was sent (the content it stands for) and, once pushed, WeChat's verdict. The first verdict
/// recorded is final: a replayed or repeated push finds it and changes nothing, and a push naming a trace id this app never
/// received from WeChat is dropped, so a forged body (the push signature does not cover it) can only say what WeChat already
/// said. Recording the verdict stages the message that applies it (<see cref="ModerationMessage"/>) in the same transaction.
/// </summary>
public sealed partial class MediaCheckStore(Tables tables, Outbox outbox) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "MediaChecks";
    private const string Row = "check";

    public enum Outcome
    {
        Recorded,
        AlreadyDecided,
        Unknown,
    }

    /// <summary>WeChat's trace ids are short and of letters, digits and hyphens: anything else is none of ours (nor a safe key).</summary>
    public static bool IsTraceId(string? traceId) => traceId is not null && TracePattern().IsMatch(traceId);

    public async Task AddAsync(string traceId, HeldContent sent, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        try
        {
            await table.AddEntityAsync(JsonRows.Create(traceId, Row, sent), ct);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // WeChat gives each request its own trace id: a conflict is this same request recorded already.
        }
    }

    public async Task<Outcome> RecordVerdictAsync(string traceId, Screening verdict, DateTimeOffset at, CancellationToken ct)
    {
        if (!IsTraceId(traceId) || await FindRowAsync(traceId, Row, ct) is not { } row) return Outcome.Unknown;
        if (row.GetString("Verdict") is not null) return Outcome.AlreadyDecided;
        var sent = JsonRows.Read<HeldContent>(row);
        row["Verdict"] = verdict.State.ToString();
        row["VerdictAt"] = at;
        var item = sent with { Screening = verdict, At = at };
        try
        {
            await CommitAsync(traceId,
                [new TableTransactionAction(TableTransactionActionType.UpdateMerge, row, row.ETag)],
                [new OutboxMessage(ModerationMessage.Queue, new ModerationMessage(item, Apply: true))],
                ct);
        }
        catch (ConflictException)
        {
            // Another delivery of the same push recorded it first.
            return Outcome.AlreadyDecided;
        }
        return Outcome.Recorded;
    }

    [GeneratedRegex("^[0-9A-Za-z-]{1,64}\\z")]
    private static partial Regex TracePattern();
}
