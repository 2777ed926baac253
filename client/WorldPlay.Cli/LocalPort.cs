using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace WorldPlay.Cli;

/// <summary>How every command that listens on a port (serve, fake-llm) starts its server: a port someone else holds is one
/// line and exit 2, not the web host's log and stack trace.</summary>
internal static class LocalPort
{
    public static async Task<T> ListenAsync<T>(int port, Func<Task<T>> start)
    {
        try
        {
            return await start();
        }
        catch (IOException e) when (IsAddressInUse(e))
        {
            throw new PortTakenException(port);
        }
    }

    private static bool IsAddressInUse(Exception? e) =>
        e is not null
        && (e is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
            || IsAddressInUse(e.InnerException));
}

/// <summary>The port a command was asked to listen on is taken; nothing was started.</summary>
internal sealed class PortTakenException(int port)
    : Exception($"port {port} on 127.0.0.1 is taken; choose another with --port, or --port 0 for any free port.");
