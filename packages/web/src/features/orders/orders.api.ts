import type { TCreateOrderRequest, TListOrdersQuery, TOrder, TUpdateOrderRequest, ZProductPage } from "@openkam/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../lib/api/client";
import type { TOrderPage } from "../../lib/api/contract-types";

type TProductPage = z.infer<typeof ZProductPage>;

export const ORDERS_PAGE_SIZE = 50;

export type OrdersListQuery = Omit<TListOrdersQuery, "limit" | "cursor">;

export function useOrdersPage(query: OrdersListQuery, cursor: string | null) {
  return useQuery({
    queryKey: ["orders", "page", query, cursor],
    queryFn: ({ signal }) => api.get<TOrderPage>("/api/orders", { ...query, limit: ORDERS_PAGE_SIZE, cursor: cursor ?? undefined }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: ["orders", "one", id], queryFn: () => api.get<TOrder>(`/api/orders/${id}`), enabled: id !== "" });
}

/** Active products matching what the user typed, for the line editor's picker. */
export function useProductSearch(q: string) {
  return useQuery({
    queryKey: ["products", "picker", q],
    queryFn: ({ signal }) => api.get<TProductPage>("/api/products", { q: q || undefined, isActive: "true", limit: 20 }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const createOrder = (input: TCreateOrderRequest) => api.post<TOrder>("/api/orders", input);

/** PATCH with If-Match: a stale version answers 412 with the current order. */
export const updateOrder = (id: string, version: number, patch: Omit<TUpdateOrderRequest, "version">) =>
  api.patch<TOrder>(`/api/orders/${id}`, patch, { headers: { "if-match": `"${version}"` } });
export const deleteOrder = (id: string) => api.delete(`/api/orders/${id}`);
export const restoreOrder = (id: string) => api.post<TOrder>(`/api/orders/${id}/restore`);
