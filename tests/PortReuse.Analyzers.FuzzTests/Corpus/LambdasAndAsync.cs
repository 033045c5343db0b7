using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.LambdasAndAsync
{
    public static class Workers
    {
        public static Task ServeAsync(CancellationToken cancellationToken)
            => Task.Run(async () =>
            {
                var listener = new TcpListener(IPAddress.Loopback, 4000);
                listener.Start();
                using TcpClient client = await listener.AcceptTcpClientAsync(cancellationToken);
                await client.GetStream().WriteAsync(new byte[] { 42 }, cancellationToken);
            }, cancellationToken);

        public static async Task<int> ReceiveAsync()
        {
            using var udp = new UdpClient(4001);
            UdpReceiveResult result = await udp.ReceiveAsync();
            return result.Buffer.Length;
        }

        public static async ValueTask SharedAsync()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await Task.Yield();
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 4002));
            socket.Listen(4);
            using Socket accepted = await socket.AcceptAsync();
        }

        public static Action Deferred()
        {
            Func<int, Socket> open = port =>
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Bind(new IPEndPoint(IPAddress.Any, port));
                return s;
            };
            return () => open(4003).Listen(1);
        }

        public static void Nested()
        {
            Action outer = () =>
            {
                Action inner = delegate
                {
                    var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 4004));
                    udp.Close();
                };
                inner();
            };
            outer();
        }

        public static async IAsyncEnumerable<int> Stream()
        {
            var listener = TcpListener.Create(4005);
            listener.Start();
            yield return 1;
            await Task.Delay(1);
            listener.Stop();
        }
    }
}
