namespace RedYifang.Functions.Platform.Messaging;

public sealed class ServiceBusOptions
{
    public const string Section = "ServiceBus";

    /// <summary>A connection string (the local emulator, tests). Empty: use <see cref="Endpoint"/> with the managed identity.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The namespace endpoint from the resource (https://….servicebus…/); empty with no connection string: no Service Bus.</summary>
    public string Endpoint { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string TopicName { get; set; } = "redyifang-events";
}
