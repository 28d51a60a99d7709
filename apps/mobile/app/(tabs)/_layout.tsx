import { Tabs } from "expo-router/js-tabs";
import { type ColorValue, Text } from "react-native";
import { useAuth } from "../../src/app-context";
import { useCart } from "../../src/cart";
import { colors } from "../../src/ui";

const icon =
  (glyph: string) =>
  ({ color }: { color: ColorValue }) => <Text style={{ color, fontSize: 18 }}>{glyph}</Text>;

export default function TabsLayout() {
  const { status } = useAuth();
  const { cart } = useCart();
  const count = cart.data?.totals.itemCount ?? 0;
  return (
    <Tabs screenOptions={{ tabBarActiveTintColor: colors.brand, headerTintColor: colors.text }}>
      <Tabs.Screen name="index" options={{ title: "Bazaar", tabBarLabel: "Home", tabBarIcon: icon("⌂") }} />
      <Tabs.Screen name="search" options={{ title: "Search", tabBarIcon: icon("⌕") }} />
      <Tabs.Screen
        name="cart"
        options={{ title: "Cart", tabBarIcon: icon("🛒"), tabBarBadge: count > 0 ? count : undefined }}
      />
      <Tabs.Screen name="orders" options={{ title: "Orders", tabBarIcon: icon("▤") }} />
      <Tabs.Screen
        name="account"
        options={{ title: status === "signedIn" ? "Account" : "Sign in", tabBarIcon: icon("☺") }}
      />
    </Tabs>
  );
}
