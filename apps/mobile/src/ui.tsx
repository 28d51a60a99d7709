import { formatRupees } from "@bazaar/client/format";
import type { ReactNode } from "react";
import {
  ActivityIndicator,
  Pressable,
  RefreshControl,
  ScrollView,
  StyleSheet,
  Text,
  TextInput,
  type TextInputProps,
  View,
  type ViewStyle,
} from "react-native";
import { errorMessage, isOffline } from "./errors";

export const colors = {
  brand: "#b4461b",
  brandDark: "#8a3413",
  text: "#1f1a17",
  muted: "#6b625c",
  line: "#e6dfd9",
  bg: "#faf7f4",
  card: "#ffffff",
  danger: "#b3261e",
  ok: "#1e7b34",
  sale: "#c2410c",
};

/** A scrolling screen with pull-to-refresh when given `onRefresh`. */
export function Screen(props: {
  children: ReactNode;
  onRefresh?: () => void;
  refreshing?: boolean;
  testID?: string;
  scroll?: boolean;
}) {
  if (props.scroll === false)
    return (
      <View style={styles.screen} testID={props.testID}>
        {props.children}
      </View>
    );
  return (
    <ScrollView
      style={styles.screen}
      contentContainerStyle={styles.content}
      keyboardShouldPersistTaps="handled"
      testID={props.testID}
      refreshControl={
        props.onRefresh ? (
          <RefreshControl refreshing={props.refreshing ?? false} onRefresh={props.onRefresh} />
        ) : undefined
      }
    >
      {props.children}
    </ScrollView>
  );
}

export const Title = ({ children, testID }: { children: ReactNode; testID?: string }) => (
  <Text style={styles.title} accessibilityRole="header" testID={testID}>
    {children}
  </Text>
);
export const Heading = ({ children }: { children: ReactNode }) => (
  <Text style={styles.heading} accessibilityRole="header">
    {children}
  </Text>
);
export const Body = ({ children, testID }: { children: ReactNode; testID?: string }) => (
  <Text style={styles.body} testID={testID}>
    {children}
  </Text>
);
export const Muted = ({ children, testID }: { children: ReactNode; testID?: string }) => (
  <Text style={styles.muted} testID={testID}>
    {children}
  </Text>
);

export function Button(props: {
  label: string;
  onPress: () => void;
  kind?: "primary" | "secondary" | "danger" | "link";
  disabled?: boolean;
  busy?: boolean;
  testID?: string;
  style?: ViewStyle;
}) {
  const kind = props.kind ?? "primary";
  const disabled = props.disabled || props.busy;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={props.label}
      accessibilityState={{ disabled: Boolean(disabled), busy: Boolean(props.busy) }}
      disabled={disabled}
      onPress={props.onPress}
      testID={props.testID}
      style={({ pressed }) => [
        styles.button,
        styles[`button_${kind}`],
        disabled && styles.buttonDisabled,
        pressed && styles.buttonPressed,
        props.style,
      ]}
    >
      {props.busy ? (
        <ActivityIndicator color={kind === "primary" ? "#fff" : colors.brand} />
      ) : (
        <Text style={[styles.buttonText, styles[`buttonText_${kind}`]]}>{props.label}</Text>
      )}
    </Pressable>
  );
}

export function Field(
  props: TextInputProps & { label: string; error?: string | null | undefined; testID?: string },
) {
  const { label, error, style, ...input } = props;
  return (
    <View style={styles.field}>
      <Text style={styles.label}>{label}</Text>
      <TextInput
        accessibilityLabel={label}
        placeholderTextColor={colors.muted}
        style={[styles.input, error ? styles.inputError : null, style]}
        {...input}
      />
      {error ? (
        <Text
          style={styles.fieldError}
          accessibilityRole="alert"
          testID={props.testID && `${props.testID}-error`}
        >
          {error}
        </Text>
      ) : null}
    </View>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <View style={styles.center} accessibilityLabel={label} testID="loading">
      <ActivityIndicator color={colors.brand} />
    </View>
  );
}

/** Any failed load: "No connection" with a retry when offline, else the server's sentence. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const offline = isOffline(error);
  return (
    <View style={styles.center} testID={offline ? "offline" : "error"} accessibilityRole="alert">
      <Text style={styles.heading}>{offline ? "No connection" : "Something went wrong"}</Text>
      <Text style={[styles.muted, styles.centerText]}>{errorMessage(error)}</Text>
      {onRetry ? <Button label="Retry" kind="secondary" onPress={onRetry} /> : null}
    </View>
  );
}

export function Empty({ title, children, testID }: { title: string; children?: ReactNode; testID?: string }) {
  return (
    <View style={styles.center} testID={testID ?? "empty"}>
      <Text style={styles.heading}>{title}</Text>
      {children}
    </View>
  );
}

/** A banner for what just happened (merged cart, saved address) or went wrong in a form. */
export function Notice({
  children,
  tone = "info",
  testID,
}: {
  children: ReactNode;
  tone?: "info" | "error" | "ok";
  testID?: string;
}) {
  return (
    <View
      style={[styles.notice, styles[`notice_${tone}`]]}
      accessibilityRole={tone === "error" ? "alert" : "summary"}
      testID={testID}
    >
      <Text style={styles.body}>{children}</Text>
    </View>
  );
}

/** ₹ with Indian digit grouping; the struck-through regular price beside a lower one. */
export function Price({
  paise,
  compareAt,
  testID,
}: {
  paise: number;
  compareAt?: number | null;
  testID?: string;
}) {
  return (
    <Text style={styles.price} testID={testID}>
      {formatRupees(paise)}
      {compareAt && compareAt > paise ? <Text style={styles.strike}> {formatRupees(compareAt)}</Text> : null}
    </Text>
  );
}

export const Card = ({ children, testID }: { children: ReactNode; testID?: string }) => (
  <View style={styles.card} testID={testID}>
    {children}
  </View>
);

export const Row = ({ children, style }: { children: ReactNode; style?: ViewStyle }) => (
  <View style={[styles.row, style]}>{children}</View>
);

export function Chip(props: { label: string; selected?: boolean; onPress: () => void; testID?: string }) {
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={props.label}
      accessibilityState={{ selected: Boolean(props.selected) }}
      onPress={props.onPress}
      testID={props.testID}
      style={[styles.chip, props.selected && styles.chipSelected]}
    >
      <Text style={[styles.chipText, props.selected && styles.chipTextSelected]}>{props.label}</Text>
    </Pressable>
  );
}

export const styles = StyleSheet.create({
  screen: { flex: 1, backgroundColor: colors.bg },
  content: { padding: 16, gap: 12, paddingBottom: 48 },
  title: { fontSize: 22, fontWeight: "700", color: colors.text },
  heading: { fontSize: 17, fontWeight: "600", color: colors.text },
  body: { fontSize: 15, color: colors.text, lineHeight: 21 },
  muted: { fontSize: 13, color: colors.muted, lineHeight: 18 },
  button: {
    minHeight: 44,
    paddingHorizontal: 16,
    borderRadius: 8,
    alignItems: "center",
    justifyContent: "center",
  },
  button_primary: { backgroundColor: colors.brand },
  button_secondary: { backgroundColor: colors.card, borderWidth: 1, borderColor: colors.brand },
  button_danger: { backgroundColor: colors.card, borderWidth: 1, borderColor: colors.danger },
  button_link: { backgroundColor: "transparent", minHeight: 32, paddingHorizontal: 4 },
  buttonDisabled: { opacity: 0.5 },
  buttonPressed: { opacity: 0.8 },
  buttonText: { fontSize: 15, fontWeight: "600" },
  buttonText_primary: { color: "#fff" },
  buttonText_secondary: { color: colors.brand },
  buttonText_danger: { color: colors.danger },
  buttonText_link: { color: colors.brand },
  field: { gap: 4 },
  label: { fontSize: 13, fontWeight: "600", color: colors.text },
  input: {
    minHeight: 44,
    borderWidth: 1,
    borderColor: colors.line,
    borderRadius: 8,
    paddingHorizontal: 12,
    backgroundColor: colors.card,
    fontSize: 15,
    color: colors.text,
  },
  inputError: { borderColor: colors.danger },
  fieldError: { fontSize: 13, color: colors.danger },
  center: { padding: 24, alignItems: "center", justifyContent: "center", gap: 10 },
  centerText: { textAlign: "center" },
  notice: { padding: 12, borderRadius: 8, borderWidth: 1 },
  notice_info: { backgroundColor: "#fff7ed", borderColor: "#fed7aa" },
  notice_error: { backgroundColor: "#fdecea", borderColor: "#f5c2bd" },
  notice_ok: { backgroundColor: "#e9f6ec", borderColor: "#b7e1c1" },
  price: { fontSize: 16, fontWeight: "700", color: colors.text },
  strike: { fontSize: 13, fontWeight: "400", color: colors.muted, textDecorationLine: "line-through" },
  card: {
    backgroundColor: colors.card,
    borderRadius: 10,
    borderWidth: 1,
    borderColor: colors.line,
    padding: 12,
    gap: 6,
  },
  row: { flexDirection: "row", alignItems: "center", gap: 8, flexWrap: "wrap" },
  chip: {
    paddingHorizontal: 12,
    paddingVertical: 6,
    borderRadius: 16,
    borderWidth: 1,
    borderColor: colors.line,
    backgroundColor: colors.card,
  },
  chipSelected: { backgroundColor: colors.brand, borderColor: colors.brand },
  chipText: { fontSize: 13, color: colors.text },
  chipTextSelected: { color: "#fff" },
});
