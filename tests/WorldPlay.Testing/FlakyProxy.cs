using System.Net;
using System.Net.Sockets;

namespace WorldPlay.Testing;

/// <summary>A TCP proxy in front of Azurite that can play a storage account that is briefly unreachable
/// (<see cref="ProxyMode.Refuse"/>) or one whose replies are lost after it has done the work
/// (<see cref="ProxyMode.SwallowReplies"/>).</summary>
public sealed class FlakyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public FlakyProxy(DnsEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ProxyMode Mode { get; set; } = ProxyMode.Forward;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (Mode == ProxyMode.Refuse)
            {
                client.Dispose();
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using (client)
        {
            try
            {
                await server.ConnectAsync(_target, _stop.Token);
                await Task.WhenAny(
                    PumpAsync(client, server, forwards: () => Mode != ProxyMode.Refuse),
                    PumpAsync(server, client, forwards: () => Mode == ProxyMode.Forward));
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    // Copies until either side closes, or until forwards() says no: then the connection is dropped with the bytes unsent.
    private async Task PumpAsync(Socket from, Socket to, Func<bool> forwards)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, _stop.Token);
                if (read == 0 || !forwards())
                {
                    return;
                }
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}

public enum ProxyMode
{
    Forward,
    Refuse,
    SwallowReplies,
}
