using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.LocalHost;

/// <summary>
/// Polls a Storage queue for a <c>queueTrigger</c> function as the Functions host does: batches of
/// <c>batchSize</c>, back-off up to <c>maxPollingInterval</c> while empty, a failed message made visible
/// again after <c>visibilityTimeout</c>, and moved to <c>{queue}-poison</c> once it has been dequeued
/// <c>maxDequeueCount</c> times. Messages are received raw and decoded one by one: with the SDK decoding base64, one
/// message that is not base64 failed the whole receive, hiding its batch again and again; here it goes to poison on its
/// own and the rest of the batch runs. While storage does not answer, polls back off (<see cref="OutageLog"/>, logged once
/// per outage), and a message already taken keeps its delete or release retried until storage answers: left alone, it
/// would stay hidden for the rest of its processing visibility after storage came back.
/// </summary>
public sealed partial class QueueTriggerListener(
    FunctionDescriptor function,
    QueueServiceClient queues,
    string queueName,
    QueueTriggerOptions options,
    IServiceScopeFactory scopes,
    FunctionInvoker invoker,
    OutageLog outage,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);
    private readonly QueueClient _queue = queues.GetQueueClient(queueName);
    private readonly QueueClient _poison = queues.GetQueueClient(queueName + "-poison");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = MinPollingInterval;
        var failedDelay = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                messages = await _queue.ReceiveMessagesAsync(
                    Math.Clamp(options.BatchSize, 1, 32),
                    options.ProcessingVisibility,
                    stoppingToken);
                outage.Answered(Work);
                failedDelay = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever keeps a poll from reaching the queue is retried with back-off, and told once per outage.
                outage.Failed(Work, e);
                failedDelay = OutageLog.Next(failedDelay);
                if (!await DelayAsync(failedDelay, stoppingToken)) return;
                continue;
            }
            if (messages.Length == 0)
            {
                if (!await DelayAsync(delay, stoppingToken)) return;
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(options.MaxPollingInterval.Ticks, MinPollingInterval.Ticks)));
                continue;
            }
            delay = MinPollingInterval;
            var readable = new List<QueueMessage>(messages.Length);
            foreach (var message in messages)
            {
                if (Decode(message) is { } decoded) readable.Add(decoded);
                else if (await PoisonAsync(message, stoppingToken)) LogUndecodable(message.MessageId, queueName + "-poison");
            }
            await Task.WhenAll(readable.Select(m => ProcessAsync(m, stoppingToken)));
        }
    }

    private string Work => $"queue {queueName}";

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        Exception? failure = null;
        using (var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            var hidden = KeepHiddenAsync(message, running.Token);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await invoker.InvokeAsync(function, scope.ServiceProvider, $"New queue message detected on '{queueName}'.",
                    parameter => Bind(parameter, message, stoppingToken));
            }
            catch (Exception e)
            {
                failure = e;
            }
            await running.CancelAsync();
            message = await hidden;
        }
        // The host is stopping: the message shows again when its visibility ends, for the next start.
        if (stoppingToken.IsCancellationRequested) return;
        if (failure is null)
        {
            var taken = message;
            await WhileDownAsync(() => _queue.DeleteMessageAsync(taken.MessageId, taken.PopReceipt, CancellationToken.None), stoppingToken);
            return;
        }
        // A function that failed because storage did not answer is part of the outage, told once; any other failure is its own.
        if (StorageOutage.Is(failure)) outage.Failed($"function {function.Name}", failure);
        else LogFailed(failure, function.Name, message.MessageId, message.DequeueCount);
        await FailAsync(message, stoppingToken);
    }

    /// <summary>
    /// Renews a taken message's invisibility every half of its processing visibility while its function runs, as the
    /// Functions host does; returns the message with its latest pop receipt. A renewal that fails (storage down) is tried
    /// again at the next; meanwhile the message may show again, which functions tolerate.
    /// </summary>
    private async Task<QueueMessage> KeepHiddenAsync(QueueMessage message, CancellationToken running)
    {
        while (true)
        {
            try
            {
                await Task.Delay(options.ProcessingVisibility / 2, running);
            }
            catch (OperationCanceledException)
            {
                return message;
            }
            try
            {
                // Not cancelled half-way: a renewal applied without its answer would leave a pop receipt that deletes nothing.
                var renewed = await _queue.UpdateMessageAsync(
                    message.MessageId,
                    message.PopReceipt,
                    visibilityTimeout: options.ProcessingVisibility,
                    cancellationToken: CancellationToken.None);
                message = message.Update(renewed.Value);
            }
            catch (Exception e) when (StorageOutage.Is(e))
            {
                outage.Failed(Work, e);
            }
            catch (Exception e)
            {
                // Gone, or taken again after showing: nothing left to renew; its delete or release says the same.
                LogStepFailed(e, queueName);
                return message;
            }
        }
    }

    private async Task FailAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        if (message.DequeueCount < options.MaxDequeueCount)
        {
            await WhileDownAsync(
                () => _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout),
                stoppingToken);
        }
        else if (await PoisonAsync(message, stoppingToken))
        {
            LogPoisoned(message.MessageId, queueName + "-poison");
        }
    }

    /// <summary>
    /// Copies a message to <c>{queue}-poison</c> (in the host's encoding: decoding it there gives back the text that was sent),
    /// then deletes it; false when a step failed. No retry can read a message that is not base64, so it comes here at once.
    /// </summary>
    private async Task<bool> PoisonAsync(QueueMessage message, CancellationToken stoppingToken) =>
        await WhileDownAsync(async () =>
        {
            await _poison.CreateIfNotExistsAsync();
            await _poison.SendMessageAsync(Encode(message.Body));
        }, stoppingToken)
        && await WhileDownAsync(() => _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt), stoppingToken);

    /// <summary>
    /// Runs a step on a message already taken (delete, release, poison) until storage answers it. Any other failure —
    /// the message gone, its pop receipt expired — ends the step as it was: the message shows again when its visibility
    /// ends, and functions tolerate a message seen twice.
    /// </summary>
    private async Task<bool> WhileDownAsync(Func<Task> step, CancellationToken stoppingToken)
    {
        try
        {
            return await outage.WhileDownAsync(Work, step, stoppingToken);
        }
        catch (Exception e)
        {
            if (!stoppingToken.IsCancellationRequested) LogStepFailed(e, queueName);
            return false;
        }
    }

    /// <summary>Waits; false when the host stops meanwhile.</summary>
    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The message as the function sees it (base64 decoded when the host's encoding says so); null when it cannot be.</summary>
    private QueueMessage? Decode(QueueMessage raw)
    {
        if (options.MessageEncoding == QueueMessageEncoding.None) return raw;
        try
        {
            var body = new BinaryData(Convert.FromBase64String(raw.Body.ToString()));
            return QueuesModelFactory.QueueMessage(raw.MessageId, raw.PopReceipt, body, raw.DequeueCount, raw.NextVisibleOn, raw.InsertedOn,
                raw.ExpiresOn);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A body as the queue holds it, in the host's encoding.</summary>
    private BinaryData Encode(BinaryData body) =>
        options.MessageEncoding == QueueMessageEncoding.None ? body : BinaryData.FromString(Convert.ToBase64String(body.ToArray()));

    private object? Bind(ParameterInfo parameter, QueueMessage message, CancellationToken ct)
    {
        var type = parameter.ParameterType;
        if (parameter.Name == function.Trigger.Name)
        {
            if (type == typeof(string)) return message.Body.ToString();
            if (type == typeof(BinaryData)) return message.Body;
            if (type == typeof(byte[])) return message.Body.ToArray();
            if (type == typeof(QueueMessage)) return message;
            return JsonSerializer.Deserialize(message.Body.ToString(), type, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        if (type == typeof(CancellationToken)) return ct;
        return parameter.Name switch
        {
            "dequeueCount" => FunctionInvoker.Convert(message.DequeueCount.ToString(), type),
            "id" => message.MessageId,
            "popReceipt" => message.PopReceipt,
            "insertionTime" => message.InsertedOn,
            "expirationTime" => message.ExpiresOn,
            _ => FunctionInvoker.Unbound,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Renewing, deleting, releasing or poisoning a message of queue {Queue} failed; it shows again when its visibility ends")]
    private partial void LogStepFailed(Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed on message {MessageId} (dequeue count {DequeueCount})")]
    private partial void LogFailed(Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} is not base64; moved to {PoisonQueue}")]
    private partial void LogUndecodable(string messageId, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} has reached MaxDequeueCount; moved to {PoisonQueue}")]
    private partial void LogPoisoned(string messageId, string poisonQueue);
}
