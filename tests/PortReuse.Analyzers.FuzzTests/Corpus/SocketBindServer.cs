using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.SocketBindServer
{
    public static class EchoServer
    {
        public static void RunWithoutDecision(int port)
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Any, 8080));
            listener.Listen(16);
            using Socket client = listener.Accept();
            var buffer = new byte[256];
            int read = client.Receive(buffer);
            client.Send(buffer, 0, read, SocketFlags.None);
        }

        public static void RunWithReuse()
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
            listener.Listen(16);
        }

        public static void RunExclusive()
        {
            using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
            listener.ExclusiveAddressUse = true;
            listener.Bind(new IPEndPoint(IPAddress.IPv6Any, 8082));
            listener.Listen();
        }

        public static void ReuseAfterBind()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse("0.0.0.0"), 8083));
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        public static void Contradiction()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, true);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 9000));
        }

        public static void Ephemeral()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Console.WriteLine(socket.LocalEndPoint);
        }
    }
}
