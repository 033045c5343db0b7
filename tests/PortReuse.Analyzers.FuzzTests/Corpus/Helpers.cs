using System.Net;
using System.Net.Sockets;

namespace Corpus.Helpers
{
    public sealed class Server
    {
        public void Start()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            BindTo(socket, 6000);
            socket.Listen(8);
        }

        public void StartShared()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            AllowReuse(socket);
            BindTo(socket, 6001);
        }

        public void StartWithLocalFunction()
        {
            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            Configure(socket);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 6002));

            static void Configure(Socket s) => s.ExclusiveAddressUse = true;
        }

        public void StartLocalFunctionBinds()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Bind();

            void Bind() => socket.Bind(new IPEndPoint(IPAddress.Loopback, 6003));
        }

        private static void BindTo(Socket socket, int port) => socket.Bind(new IPEndPoint(IPAddress.Loopback, port));

        private static void AllowReuse(Socket socket)
            => socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
    }
}
