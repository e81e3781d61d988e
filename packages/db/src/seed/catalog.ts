import type { Industry } from "./geography";

/**
 * The demo company's catalogue: 80 products for industrial automation and
 * digitalisation, in CNY. A name starting with "+" is a recent launch, with
 * "-" a discontinued product still found in older orders.
 */

export const PRODUCT_CATEGORIES = [
  "sensors", "controllers", "drives", "networking", "software", "cloud", "services", "spare_parts", "consumables",
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export interface CatalogEntry {
  readonly category: ProductCategory;
  readonly skuPrefix: string;
  readonly name: string;
  readonly unit: string;
  /** List price in yuan. */
  readonly listPrice: number;
  readonly lifecycle: "current" | "new" | "discontinued";
}

type Line = [name: string, unit: string, listPrice: number];

const SECTIONS: readonly [ProductCategory, string, Line[]][] = [
  ["sensors", "SEN", [
    ["Pressure Sensor PS-100", "each", 680], ["Pressure Sensor PS-300 (Ex)", "each", 2380], ["Temperature Sensor TS-20", "each", 420],
    ["Temperature Transmitter TT-40", "each", 1150], ["Proximity Sensor PX-12", "each", 185], ["Photoelectric Sensor PE-30", "each", 310],
    ["Vibration Sensor VS-5", "each", 1980], ["Level Sensor LS-80 Radar", "each", 4350], ["Flow Meter FM-50 Electromagnetic", "each", 6900],
    ["Vision Sensor VX-1", "each", 8800], ["-Pressure Sensor PS-90", "each", 560], ["+Smart Vibration Node VS-7 (wireless)", "each", 2680],
  ]],
  ["controllers", "CTL", [
    ["Compact PLC C300", "each", 4200], ["Modular PLC CPU C500", "each", 18600], ["Digital Input Module 16DI", "each", 1280],
    ["Analog I/O Module 8AI/4AO", "each", 2650], ["HMI Panel 10 inch", "each", 5600], ["Safety Controller SC-2", "each", 21400],
    ["Motion Controller MC-8", "each", 32800], ["+Edge Controller EC-1", "each", 12600],
  ]],
  ["drives", "DRV", [
    ["Servo Drive SD-1.5 kW", "each", 5200], ["Servo Motor SM-1.5 kW", "each", 3900], ["Servo Drive SD-7.5 kW", "each", 14800],
    ["Frequency Inverter FI-7.5 kW", "each", 6200], ["Frequency Inverter FI-55 kW", "each", 38500], ["Frequency Inverter FI-200 kW", "each", 126000],
    ["Gear Motor GM-3 kW", "each", 7400], ["Linear Actuator LA-400", "each", 9800], ["Soft Starter SS-90 kW", "each", 16800],
    ["-Servo Drive SD-1.0 kW (legacy)", "each", 4300],
  ]],
  ["networking", "NET", [
    ["Industrial Switch 8-port", "each", 2200], ["Managed Industrial Switch 24-port", "each", 9600], ["5G Industrial Router", "each", 6800],
    ["Fieldbus Gateway FG-2", "each", 3300], ["Wireless Access Point AP-6", "each", 2900], ["Industrial Firewall IF-1", "each", 15800],
    ["Industrial Ethernet Cable Cat6A", "m", 24], ["Fibre Optic Cable OM4", "m", 38],
  ]],
  ["software", "SWL", [
    ["SCADA Runtime License 1,000 tags", "license", 36000], ["SCADA Runtime License unlimited", "license", 168000],
    ["MES Quality Module", "license", 120000], ["MES Production Module", "license", 220000], ["Energy Management Suite", "license", 68000],
    ["Engineering Suite Seat", "license", 15600], ["Historian Server License", "license", 58000], ["+AI Quality Inspection License", "license", 96000],
  ]],
  ["cloud", "CLD", [
    ["IoT Platform Plant Subscription", "month", 12800], ["IoT Platform Device Pack 100", "month", 1900],
    ["Predictive Maintenance Subscription", "month", 4800], ["Remote Access Subscription", "month", 650],
    ["Energy Analytics Subscription", "month", 3200], ["Digital Twin Workspace", "month", 9600], ["Data Lake Storage 1 TB", "month", 880],
    ["+Copilot for Maintenance", "month", 2400],
  ]],
  ["services", "SRV", [
    ["Installation and Commissioning", "hour", 980], ["On-site Engineer", "day", 6800], ["Remote Support", "hour", 620],
    ["Training Course (per participant)", "seat", 3200], ["Annual Maintenance Contract Silver", "year", 48000],
    ["Annual Maintenance Contract Gold", "year", 128000], ["System Integration Engineering", "hour", 1280], ["Cybersecurity Assessment", "day", 9800],
    ["Energy Audit", "day", 8600], ["Spare Parts Management Service", "year", 36000],
  ]],
  ["spare_parts", "SPR", [
    ["Power Supply 24 V 10 A", "each", 420], ["Fan Module FM-120", "each", 160], ["Relay Module RM-8", "each", 290],
    ["Incremental Encoder EN-1024", "each", 1150], ["Servo Cable Set 5 m", "set", 680], ["Backup Battery Pack", "each", 240],
    ["Terminal Block Kit", "box", 95], ["-Display Module for HMI (legacy)", "each", 1800],
  ]],
  ["consumables", "CON", [
    ["Thermal Paste", "kg", 560], ["Lubricating Grease", "kg", 88], ["Cable Ties", "box", 36], ["Air Filter Mat", "pack", 128],
    ["Contact Cleaner", "box", 260], ["Heat Shrink Tubing", "m", 6.5], ["Cleaning Wipes", "pack", 45], ["-Marking Labels (legacy)", "box", 52],
  ]],
];

export const CATALOG: readonly CatalogEntry[] = SECTIONS.flatMap(([category, skuPrefix, lines]) =>
  lines.map(([raw, unit, listPrice]): CatalogEntry => {
    const lifecycle = raw.startsWith("+") ? "new" : raw.startsWith("-") ? "discontinued" : "current";
    return { category, skuPrefix, name: raw.replace(/^[+-]/, ""), unit, listPrice, lifecycle };
  }),
);

/** Quantities come in these steps, in ten-thousandths: whole items, half hours and days, quarter kilograms. */
export function quantityStep4(unit: string): number {
  switch (unit) {
    case "hour":
    case "day":
    case "m":
      return 5_000;
    case "kg":
      return 2_500;
    default:
      return 10_000;
  }
}

/** The largest plausible quantity on one order line. */
export function maxQuantity(unit: string): number {
  switch (unit) {
    case "month":
      return 12;
    case "year":
    case "license":
      return 20;
    case "day":
      return 60;
    case "hour":
      return 400;
    case "m":
      return 5_000;
    default:
      return 2_000;
  }
}

/** How much of each category an industry buys (relative weights). */
export const CATEGORY_AFFINITY: Readonly<Record<Industry, Readonly<Record<ProductCategory, number>>>> = {
  manufacturing: { sensors: 5, controllers: 5, drives: 5, networking: 2, software: 2, cloud: 1, services: 3, spare_parts: 4, consumables: 3 },
  automotive: { sensors: 5, controllers: 5, drives: 6, networking: 3, software: 3, cloud: 1, services: 3, spare_parts: 4, consumables: 2 },
  logistics: { sensors: 3, controllers: 2, drives: 3, networking: 5, software: 3, cloud: 4, services: 3, spare_parts: 2, consumables: 1 },
  retail: { sensors: 2, controllers: 1, drives: 1, networking: 5, software: 3, cloud: 5, services: 3, spare_parts: 1, consumables: 1 },
  healthcare: { sensors: 5, controllers: 3, drives: 2, networking: 3, software: 4, cloud: 3, services: 4, spare_parts: 2, consumables: 2 },
  energy: { sensors: 5, controllers: 4, drives: 6, networking: 4, software: 3, cloud: 3, services: 4, spare_parts: 3, consumables: 1 },
  technology: { sensors: 3, controllers: 2, drives: 1, networking: 5, software: 5, cloud: 6, services: 4, spare_parts: 1, consumables: 1 },
  finance: { sensors: 1, controllers: 1, drives: 1, networking: 4, software: 6, cloud: 6, services: 5, spare_parts: 1, consumables: 1 },
  chemicals: { sensors: 6, controllers: 4, drives: 4, networking: 2, software: 3, cloud: 2, services: 3, spare_parts: 3, consumables: 3 },
  food_beverage: { sensors: 5, controllers: 4, drives: 4, networking: 2, software: 2, cloud: 2, services: 3, spare_parts: 3, consumables: 4 },
};
