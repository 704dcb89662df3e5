using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace RedYifang.Testing;

/// <summary>
/// Sits in the app's storage clients' pipeline (per call, so outside the SDK's retries) to put an outage at an exact point:
/// <see cref="Arm"/> names a request; when the app sends it, it is held until the test has stopped storage, then let go to
/// fail on the stopped store. It also keeps every call the app made, for the counts a fault test prints: outbox rows staged
/// in committed transactions, queue messages sent (their text), calls that failed.
/// </summary>
public sealed partial class StorageFaults : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private Trap? _armed;

    /// <summary>One storage call as the app saw it, after the SDK's retries.</summary>
    /// <param name="Status">The answer's status, or null when no answer came (connection refused, reset, timed out).</param>
    /// <param name="Sent">For a queue send, the queue and the message's text (decoded from base64).</param>
    /// <param name="Staged">For an entity-group transaction, the row key, queue and message of each outbox row it adds.</param>
    /// <param name="Committed">For a transaction, whether every change in it succeeded.</param>
    public sealed record Call(
        string Method, string Uri, int? Status, (string Queue, string Text)? Sent, IReadOnlyList<StagedRow> Staged, bool Committed);

    /// <summary>An outbox row a transaction adds: its row key, its queue and its message.</summary>
    public sealed record StagedRow(string RowKey, string Queue, string Text);

    public ConcurrentQueue<Call> Calls { get; } = new();

    /// <summary>Queue sends that storage took (201): the queue and the message's text.</summary>
    public List<(string Queue, string Text)> Sent =>
        Calls.Where(c => c.Sent is not null && c.Status == 201).Select(c => c.Sent!.Value).ToList();

    /// <summary>Calls that got no answer: the ones the outages broke.</summary>
    public int Failed => Calls.Count(c => c.Status is null);

    /// <summary>The outbox rows added by transactions storage committed: each one's queue and message.</summary>
    public List<(string Queue, string Text)> Staged => StagedRows.ConvertAll(r => (r.Queue, r.Text));

    /// <summary>The outbox rows added by transactions storage committed.</summary>
    public List<StagedRow> StagedRows => Calls.Where(c => c.Committed).SelectMany(c => c.Staged).ToList();

    /// <summary>Holds the next request that <paramref name="match"/> accepts (one only), replacing any trap still armed.</summary>
    public Trap Arm(string what, Func<Request, bool> match)
    {
        var trap = new Trap(what, match);
        lock (_gate) _armed = trap;
        return trap;
    }

    /// <summary>A queue send's message text (base64 decoded), or null for any other request.</summary>
    public static string? QueueText(Request request)
    {
        if (request.Method != RequestMethod.Post || !request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal)) return null;
        var body = Body(request);
        var text = MessageText().Match(body);
        if (!text.Success) return null;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text.Groups[1].Value));
        }
        catch (FormatException)
        {
            return text.Groups[1].Value;
        }
    }

    /// <summary>The request's body as text (empty when it has none).</summary>
    public static string Body(Request request)
    {
        if (request.Content is null) return "";
        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Trap? trap = null;
        lock (_gate)
        {
            if (_armed is { } armed && armed.Matches(message.Request))
            {
                trap = armed;
                _armed = null;
            }
        }
        if (trap is not null) await trap.HoldAsync($"{message.Request.Method} {message.Request.Uri}");
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        catch (Exception e)
        {
            Record(message, null);
            trap?.Done(e);
            throw;
        }
        Record(message, message.Response.Status);
        trap?.Done(null);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    private void Record(HttpMessage message, int? status)
    {
        var request = message.Request;
        var batch = request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal);
        IReadOnlyList<StagedRow> staged = batch
            ? OutboxRow().Matches(Body(request))
                .Select(m => new StagedRow(Unescape(m.Groups[1].Value), Unescape(m.Groups[2].Value), Unescape(m.Groups[3].Value))).ToList()
            : [];
        var text = QueueText(request);
        (string, string)? sent = text is null ? null : (request.Uri.Path.Split('/')[^2], text);
        // A transaction answers 202 as a whole; a change in it that failed answers inside the body, and then none is applied.
        var committed = batch && status == 202 && !FailedChange().IsMatch(message.Response.Content.ToString());
        Calls.Enqueue(new Call(request.Method.ToString(), request.Uri.ToString(), status, sent, staged, committed));
    }

    [GeneratedRegex("<MessageText>([^<]*)</MessageText>")]
    private static partial Regex MessageText();

    private static string Unescape(string json) => JsonSerializer.Deserialize<string>($"\"{json}\"")!;

    /// <summary>
    /// An outbox row in a transaction's body: its row key, "Queue" and "Message", written in that order (Outbox.Stage), as JSON
    /// strings still escaped. No other row has them.
    /// </summary>
    [GeneratedRegex(@"""RowKey"":""(outbox\|[^""]*)"",""Queue"":""((?:[^""\\]|\\.)*)"",""Message"":""((?:[^""\\]|\\.)*)""")]
    private static partial Regex OutboxRow();

    [GeneratedRegex(@"HTTP/1\.1 [45]\d\d")]
    private static partial Regex FailedChange();

    /// <summary>A request held at the point of a fault: the test waits for it, stops storage, lets it go and reads how it ended.</summary>
    public sealed class Trap(string what, Func<Request, bool> match)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<Exception?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string What => what;

        /// <summary>The request held, once it came: method and URI.</summary>
        public string? Held { get; private set; }

        /// <summary>Completes when the app sends the request (it is then held).</summary>
        public Task Reached => _reached.Task;

        /// <summary>How the request ended once let go: the exception it failed with, or null when storage answered.</summary>
        public Task<Exception?> Outcome => _done.Task;

        public void Release() => _released.TrySetResult();

        internal bool Matches(Request request) => match(request);

        internal Task HoldAsync(string request)
        {
            Held = request;
            _reached.TrySetResult();
            return _released.Task;
        }

        internal void Done(Exception? failure) => _done.TrySetResult(failure);
    }
}
