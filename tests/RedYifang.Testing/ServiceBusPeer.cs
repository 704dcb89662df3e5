using System.Collections.Concurrent;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Sasl;
using Amqp.Types;

namespace RedYifang.Testing;

/// <summary>
/// An AMQP 1.0 peer on loopback (AMQPNetLite's ContainerHost) that the real Azure.Messaging.ServiceBus client talks
/// to with a <c>UseDevelopmentEmulator=true</c> connection string: it accepts the client's CBS token and keeps every
/// message sent to any entity, so tests check what went over the wire.
/// </summary>
public sealed class ServiceBusPeer : IDisposable
{
    private readonly ContainerHost _host;

    public int Port { get; } = FreePort.Next();
    public ConcurrentQueue<(string Entity, Message Message)> Received { get; } = new();

    public string ConnectionString =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    public ServiceBusPeer()
    {
        _host = new ContainerHost([new Address($"amqp://127.0.0.1:{Port}")], null);
        _host.Listeners[0].SASL.EnableAnonymousMechanism = true;
        _host.Listeners[0].SASL.EnableMechanism((Symbol)"MSSBCBS", SaslProfile.Anonymous);
        _host.RegisterRequestProcessor("$cbs", new AcceptTokens());
        _host.RegisterLinkProcessor(new Links(this));
        _host.Open();
    }

    public void Dispose() => _host.Close();

    private sealed class AcceptTokens : IRequestProcessor
    {
        public int Credit => 100;

        public void Process(RequestContext requestContext)
        {
            var response = new Message { ApplicationProperties = new ApplicationProperties() };
            response.ApplicationProperties["status-code"] = 202;
            response.ApplicationProperties["status-description"] = "Accepted";
            requestContext.Complete(response);
        }
    }

    private sealed class Links(ServiceBusPeer peer) : ILinkProcessor
    {
        public void Process(AttachContext attachContext)
        {
            // The client reads max-message-size from the attach; ContainerHost's default overflows to -1 there.
            attachContext.Attach.MaxMessageSize = 1024 * 1024;
            var entity = (attachContext.Attach.Target as Target)?.Address?.TrimStart('/') ?? "";
            attachContext.Complete(new Incoming(peer, entity), 100);
        }
    }

    private sealed class Incoming(ServiceBusPeer peer, string entity) : LinkEndpoint
    {
        public override void OnMessage(MessageContext messageContext)
        {
            peer.Received.Enqueue((entity, messageContext.Message));
            messageContext.Complete();
        }

        public override void OnFlow(FlowContext flowContext)
        {
        }

        public override void OnDisposition(DispositionContext dispositionContext) => dispositionContext.Complete();
    }
}
