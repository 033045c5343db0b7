using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace Corpus.ControlFlow
{
    internal static class Flows
    {
        public static List<Socket> Many(int count)
        {
            var sockets = new List<Socket>();
            for (int i = 0; i < count; i++)
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                if (i % 2 == 0)
                {
                    continue;
                }

                s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, i > 3);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 1000 + i));
                sockets.Add(s);
            }

            return sockets;
        }

        public static void Loops(string[] args)
        {
            foreach (var arg in args)
            {
                var udp = new UdpClient(int.Parse(arg));
                while (udp.Available > 0)
                {
                    break;
                }
            }

            var k = 0;
            do
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 1100));
            }
            while (++k < 2);
        }

        public static void TryCatch(int mode)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                switch (mode)
                {
                    case 1:
                        socket.ExclusiveAddressUse = true;
                        break;
                    case 2:
                        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                        goto default;
                    default:
                        return;
                }

                socket.Bind(new IPEndPoint(IPAddress.Loopback, 1200));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 1201));
            }
            finally
            {
                socket.Dispose();
            }
        }

        public static void Conditional(bool wildcard)
        {
            var address = wildcard ? IPAddress.Any : IPAddress.Loopback;
            const string text = "::";
            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            _ = wildcard && socket.ExclusiveAddressUse;
            socket.Bind(new IPEndPoint(wildcard ? IPAddress.Parse(text) : address, 1300));
            if (IPAddress.TryParse("0.0.0.0", out var parsed))
            {
                var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                other.Bind(new IPEndPoint(parsed, 1301));
            }
        }
    }
}
