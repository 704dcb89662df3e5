using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RedYifang.LocalHost;

/// <summary>
/// Polls a Storage queue for a <c>queueTrigger</c> function as the Functions host does: batches of
/// <c>batchSize</c>, back-off up to <c>maxPollingInterval</c> while empty, a failed message made visible
/// again after <c>visibilityTimeout</c>, and moved to <c>{queue}-poison</c> once it has been dequeued
/// <c>maxDequeueCount</c> times. Messages are received raw and decoded one by one: with the SDK decoding base64, one
/// message that is not base64 failed the whole receive, hiding its batch again and again; here it goes to poison on its
/// own and the rest of the batch runs.
/// </summary>
public sealed partial class QueueTriggerListener(
    FunctionDescriptor function,
    QueueServiceClient queues,
    string queueName,
    QueueTriggerOptions options,
    IServiceScopeFactory scopes,
    FunctionInvoker invoker,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(10);
    private readonly QueueClient _queue = queues.GetQueueClient(queueName);
    private readonly QueueClient _poison = queues.GetQueueClient(queueName + "-poison");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                QueueMessage[] messages = await _queue.ReceiveMessagesAsync(
                    Math.Clamp(options.BatchSize, 1, 32),
                    ProcessingVisibility,
                    stoppingToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(delay, stoppingToken);
                    delay = TimeSpan.FromTicks(
                        Math.Min(delay.Ticks * 2, Math.Max(options.MaxPollingInterval.Ticks, MinPollingInterval.Ticks)));
                    continue;
                }
                delay = MinPollingInterval;
                var readable = new List<QueueMessage>(messages.Length);
                foreach (var message in messages)
                {
                    if (Decode(message) is { } decoded) readable.Add(decoded);
                    else await PoisonUndecodableAsync(message);
                }
                await Task.WhenAll(readable.Select(m => ProcessAsync(m, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPollFailed(e, queueName);
                await Task.Delay(
                    options.MaxPollingInterval > TimeSpan.Zero ? options.MaxPollingInterval : TimeSpan.FromSeconds(1),
                    stoppingToken)
                    .ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await invoker.InvokeAsync(function, scope.ServiceProvider, $"New queue message detected on '{queueName}'.",
                parameter => Bind(parameter, message, stoppingToken));
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(e, function.Name, message.MessageId, message.DequeueCount);
            await FailAsync(message);
        }
    }

    private async Task FailAsync(QueueMessage message)
    {
        if (message.DequeueCount >= options.MaxDequeueCount)
        {
            await _poison.CreateIfNotExistsAsync();
            await _poison.SendMessageAsync(Encode(message.Body));
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            LogPoisoned(message.MessageId, queueName + "-poison");
        }
        else
        {
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout);
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

    /// <summary>
    /// No retry can read a message that is not base64: it goes to poison at once, encoded like the rest of the poison queue
    /// (decoding it there gives back the text that was sent).
    /// </summary>
    private async Task PoisonUndecodableAsync(QueueMessage raw)
    {
        await _poison.CreateIfNotExistsAsync();
        await _poison.SendMessageAsync(Encode(raw.Body));
        await _queue.DeleteMessageAsync(raw.MessageId, raw.PopReceipt);
        LogUndecodable(raw.MessageId, queueName + "-poison");
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {Queue} failed; retrying")]
    private partial void LogPollFailed(Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed on message {MessageId} (dequeue count {DequeueCount})")]
    private partial void LogFailed(Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} is not base64; moved to {PoisonQueue}")]
    private partial void LogUndecodable(string messageId, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} has reached MaxDequeueCount; moved to {PoisonQueue}")]
    private partial void LogPoisoned(string messageId, string poisonQueue);
}
