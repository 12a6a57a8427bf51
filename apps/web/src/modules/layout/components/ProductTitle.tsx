import type { CSSProperties } from 'react';
import { Flex, Typography } from 'antd';

/** The dark bar every page of the product opens with (staff and applicant pages alike). */
export const headerBarStyle: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  paddingInline: 20,
  height: 52,
  lineHeight: '52px',
  background: '#0f3d7a',
};

/** 一窗通办 OneWindow, with a line under whose name the page is shown. */
export function ProductTitle({ tagline }: { tagline: string }) {
  return (
    <Flex align="baseline" gap={10}>
      <Typography.Title
        level={1}
        style={{ color: '#fff', margin: 0, fontSize: 19, letterSpacing: 1 }}
        data-testid="product-name"
      >
        一窗通办 <span style={{ fontWeight: 400, fontSize: 15 }}>OneWindow</span>
      </Typography.Title>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', fontSize: 12 }}>{tagline}</Typography.Text>
    </Flex>
  );
}
