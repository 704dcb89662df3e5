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
/// <c>maxDequeueCount</c> times.
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
                await Task.WhenAll(messages.Select(m => ProcessAsync(m, stoppingToken)));
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
            await _poison.SendMessageAsync(message.Body);
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            LogPoisoned(message.MessageId, queueName + "-poison");
        }
        else
        {
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} has reached MaxDequeueCount; moved to {PoisonQueue}")]
    private partial void LogPoisoned(string messageId, string poisonQueue);
}
